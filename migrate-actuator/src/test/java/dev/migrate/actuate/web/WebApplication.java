package dev.migrate.actuate.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A web application with the actuator, Migrate and its endpoint. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebApplication {

}
