-- revision: p1
-- message: PL/pgSQL function, trigger, tricky literals

-- migrate:upgrade
CREATE TABLE t_p (id INTEGER PRIMARY KEY, note TEXT, "odd;name" TEXT, stamped TEXT);

/* the function body holds semicolons; /* nested */ comment */
CREATE FUNCTION t_p_stamp() RETURNS trigger AS $body$
BEGIN
  NEW.stamped := 'stamped; ' || $$it's$$;
  RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE TRIGGER t_p_stamp BEFORE INSERT ON t_p FOR EACH ROW EXECUTE FUNCTION t_p_stamp();

INSERT INTO t_p (id, note, "odd;name") VALUES (1, 'a;b', E'c\'d;e'); -- trailing; comment
INSERT INTO t_p (id, note, "odd;name") VALUES (2, 'it''s', 'x');

-- migrate:downgrade
DROP TABLE t_p;
DROP FUNCTION t_p_stamp();
