package dev.migrate.benchmarks;
public class BenchmarkMain { public static void main(String[] a) { System.out.println("hi"); } }
