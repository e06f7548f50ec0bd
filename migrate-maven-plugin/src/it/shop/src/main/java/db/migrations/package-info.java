/** The shop's Java revisions (migrate:revision writes them here). */
package db.migrations;
