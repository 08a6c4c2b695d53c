package sqlscan

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// brief renders statements compactly so that table cases stay readable:
// kind [tables] flags cols=… defs=…
func brief(sts []Statement) string {
	var parts []string
	for _, st := range sts {
		var b strings.Builder
		b.WriteString(string(st.Kind))
		for _, t := range st.Tables {
			fmt.Fprintf(&b, " %s:%s", t.Access, t.Name)
		}
		if st.Star {
			b.WriteString(" star(" + strings.Join(st.StarTables, ",") + ")")
		}
		if st.Where {
			b.WriteString(" where")
		}
		if st.DDL {
			b.WriteString(" ddl")
		}
		if st.Open {
			b.WriteString(" open")
		}
		if len(st.Columns) > 0 {
			b.WriteString(" cols=" + strings.Join(st.Columns, ","))
		}
		if len(st.Defined) > 0 {
			var ds []string
			for _, d := range st.Defined {
				if d.JSON {
					d.Type += " (json)"
				}
				ds = append(ds, d.Name+" "+d.Type)
			}
			b.WriteString(" defs=" + strings.Join(ds, ","))
		}
		if len(st.Dropped) > 0 {
			b.WriteString(" dropped=" + strings.Join(st.Dropped, ","))
		}
		for _, r := range st.Renames {
			b.WriteString(" renamed=" + r.From + ">" + r.To)
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " ; ")
}

func TestScan(t *testing.T) {
	cases := []struct {
		name, reason, sql, want string
	}{
		{"simple select", "the common case", "SELECT id, name FROM users WHERE id = $1",
			"select read:users where cols=id,name"},
		{"star", "SELECT * couples code to every column", "select * from users",
			"select read:users star(users)"},
		{"qualified star", "t.* is a star too", "SELECT u.* FROM users u",
			"select read:users star(users)"},
		{"count star", "count(*) selects no columns", "SELECT count(*) FROM orders",
			"select read:orders"},
		{"exists star", "a star inside EXISTS is harmless", "SELECT id FROM a WHERE EXISTS (SELECT * FROM b WHERE b.a_id = a.id)",
			"select read:a read:b where cols=id"},
		{"multiply", "a * between expressions is not a star", "SELECT price * qty AS total FROM items",
			"select read:items"},
		{"aliases and joins", "aliases are not tables, every join is read",
			"SELECT o.id, c.email AS mail FROM orders AS o JOIN customers c ON c.id = o.customer_id LEFT OUTER JOIN items i USING (order_id)",
			"select read:customers read:items read:orders cols=id,email"},
		{"comma join", "a FROM list names several tables", "SELECT 1 FROM a x, b y, c WHERE x.id = y.id",
			"select read:a read:b read:c where"},
		{"schema qualified", "schemas are kept", `SELECT id FROM billing.invoices i JOIN "Audit"."Events" e ON true`,
			"select read:Audit.Events read:billing.invoices cols=id"},
		{"quoted mysql", "backquotes quote names", "SELECT `order`.id FROM `order` WHERE `order`.id = ?",
			"select read:order where cols=id"},
		{"sub-query in from", "derived tables are followed", "SELECT t.n FROM (SELECT count(*) AS n FROM logs) t, users u",
			"select read:logs read:users cols=n"},
		{"cte", "CTE names are not tables", "WITH recent AS (SELECT * FROM orders WHERE created_at > now()) SELECT id FROM recent JOIN customers ON true",
			"select read:customers read:orders cols=id"},
		{"cte in a view", "the CTEs of CREATE … AS WITH are not tables either",
			"CREATE MATERIALIZED VIEW IF NOT EXISTS daily (d, n) AS WITH hits AS (SELECT created_at FROM clicks), days AS (SELECT created_at::DATE AS d FROM hits) SELECT d, count(*) FROM days GROUP BY d",
			"create read:clicks ddl:daily ddl cols=d"},
		{"data-modifying cte", "a DELETE inside WITH still writes",
			"WITH gone AS (DELETE FROM sessions WHERE expires < now() RETURNING user_id) INSERT INTO audit (user_id) SELECT user_id FROM gone",
			"insert write:audit write:sessions cols=user_id,user_id"},
		{"insert", "INSERT writes its target and names columns", "INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id",
			"insert write:users cols=email,name"},
		{"insert select", "the source of INSERT … SELECT is read", "INSERT INTO archive SELECT * FROM orders WHERE status = 'done'",
			"insert write:archive read:orders star(orders) where"},
		{"upsert", "ON CONFLICT DO UPDATE is not an UPDATE statement", "INSERT INTO stock (sku, n) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET n = excluded.n",
			"insert write:stock cols=sku,n"},
		{"replace", "MySQL REPLACE writes", "REPLACE INTO kv (k, v) VALUES (?, ?)",
			"insert write:kv cols=k,v"},
		{"sqlite insert or replace", "SQLite conflict clause", "INSERT OR REPLACE INTO kv(k) VALUES (:k)",
			"insert write:kv cols=k"},
		{"update", "UPDATE writes and SET names columns", "UPDATE customers SET balance = balance - $1, updated_at = now() WHERE id = $2",
			"update write:customers where cols=balance,updated_at"},
		{"update without where", "a mutation of every row", "UPDATE products SET featured = false",
			"update write:products cols=featured"},
		{"update from", "PostgreSQL UPDATE … FROM reads the source", "UPDATE a SET x = b.x FROM b WHERE a.id = b.id",
			"update write:a read:b where cols=x"},
		{"delete", "DELETE writes", "DELETE FROM sessions WHERE id = ?",
			"delete write:sessions where"},
		{"delete without where", "every row goes", "DELETE FROM carts",
			"delete write:carts"},
		{"delete where in sub-query", "the sub-query's WHERE does not count for the DELETE", "DELETE FROM t USING (SELECT id FROM u WHERE x) s",
			"delete write:t read:u"},
		{"mysql multi delete", "DELETE t1 FROM t1 JOIN t2", "DELETE a FROM a JOIN b ON a.id = b.id WHERE b.x = 1",
			"delete read:a write:a read:b where"},
		{"for update", "FOR UPDATE locks, it is a read", "SELECT id FROM jobs WHERE state = 'new' LIMIT 1 FOR UPDATE SKIP LOCKED",
			"select read:jobs where cols=id"},
		{"extract from", "FROM inside a function call is not a table", "SELECT extract(year FROM created_at) AS y FROM orders",
			"select read:orders"},
		{"is distinct from", "IS DISTINCT FROM compares", "SELECT id FROM a WHERE x IS DISTINCT FROM y",
			"select read:a where cols=id"},
		{"table function", "set-returning functions are not tables", "SELECT * FROM generate_series(1, 10) g JOIN t ON true",
			"select read:t star(t)"},
		{"union", "both sides of a UNION are read", "SELECT id FROM a UNION ALL SELECT id FROM b",
			"select read:a read:b cols=id,id"},
		{"parenthesised union", "leading parentheses are skipped", "(SELECT id FROM a) UNION (SELECT id FROM b)",
			"select read:a read:b cols=id"},
		{"fragment", "fragments are accepted", "WHERE id = ? AND deleted_at IS NULL",
			"fragment where"},
		{"fragment columns", "a bare expression is a fragment", "id = $1",
			"fragment"},
		{"named params", "named placeholders, :: casts and @params", "SELECT id FROM t WHERE a = :a AND b = @b AND c = $3::int AND d = ?",
			"select read:t where cols=id"},
		{"strings hide keywords", "literals are skipped", "SELECT 'FROM x; DELETE FROM y' AS s FROM real_table",
			"select read:real_table"},
		{"comments", "comments are skipped, sqlc headers included", "-- name: GetAuthor :one\nSELECT /* FROM nope */ id FROM authors # mysql\nWHERE id = $1",
			"select read:authors where cols=id"},
		{"dollar quoting", "PostgreSQL $$ bodies are strings", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 FROM x $$ LANGUAGE sql",
			"create ddl"},
		{"several statements", "semicolons split statements", "BEGIN; DELETE FROM a; COMMIT;",
			"other ; delete write:a ; other"},
		{"create table", "DDL defines a table and its columns",
			`CREATE TABLE IF NOT EXISTS products (
				id BIGSERIAL PRIMARY KEY,
				name VARCHAR(200) NOT NULL,
				attrs JSONB NOT NULL DEFAULT '{}',
				tags text[],
				CONSTRAINT u UNIQUE (name),
				FOREIGN KEY (id) REFERENCES x (id)
			)`,
			"create ddl:products ddl defs=id bigserial,name varchar(200),attrs jsonb,tags text[]"},
		{"create table mysql", "backquotes and engine options", "CREATE TABLE `events` (`id` int NOT NULL AUTO_INCREMENT, `payload` longblob, PRIMARY KEY (`id`)) ENGINE=InnoDB",
			"create ddl:events ddl defs=id int,payload longblob"},
		{"create table as", "CTAS reads its source", "CREATE TEMP TABLE t2 AS SELECT id FROM t1",
			"create read:t1 ddl:t2 ddl cols=id"},
		{"create index", "an index is DDL on its table", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON public.users (lower(email))",
			"create ddl:public.users ddl"},
		{"alter add column", "ALTER TABLE … ADD defines columns", "ALTER TABLE users ADD COLUMN IF NOT EXISTS prefs hstore, ADD meta json",
			"alter ddl:users ddl defs=prefs hstore,meta json"},
		{"drop", "DROP names several tables", "DROP TABLE IF EXISTS a, b CASCADE",
			"drop ddl:a ddl:b ddl"},
		{"truncate", "TRUNCATE writes", "TRUNCATE TABLE sessions",
			"truncate write:sessions"},
		{"rename", "MySQL RENAME TABLE", "RENAME TABLE a TO b",
			"rename ddl:a ddl:b ddl renamed=a>b"},
		{"hole table", "an unresolved table name is not a table", "SELECT id FROM \x00 WHERE id = ?",
			"select where cols=id"},
		{"hole clause", "an unresolved clause makes the statement open", "DELETE FROM t \x00",
			"delete write:t open"},
		{"hole value", "an unresolved value does not", "UPDATE t SET a = \x00",
			"update write:t cols=a"},
		{"merge", "MERGE writes its target and reads its source", "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v",
			"merge read:s write:t"},
		{"explain", "EXPLAIN looks at the statement", "EXPLAIN ANALYZE SELECT id FROM t",
			"select read:t cols=id"},
		{"distinct on", "DISTINCT ON is skipped", "SELECT DISTINCT ON (a) a, b FROM t",
			"select read:t cols=a,b"},
		{"information_schema", "the catalogue is the database's, not a table of the application",
			"SELECT column_name FROM information_schema.columns WHERE table_name = $1",
			"select where cols=column_name"},
		{"catalogue joined with a table", "the application's table stays, the catalogue goes",
			"SELECT u.id, c.relname FROM users u JOIN pg_catalog.pg_class c ON c.oid = u.rel JOIN pg_namespace n ON true",
			"select read:users cols=id,relname"},
		{"catalogue of sqlite and mysql", "sqlite_master, sqlite_schema and the mysql schema are catalogue",
			"SELECT name FROM sqlite_master UNION SELECT name FROM main.sqlite_schema UNION SELECT user FROM mysql.user UNION SELECT name FROM accounts",
			"select read:accounts cols=name,name,user,name"},
		{"pg prefix in an application schema", "only pg_catalog's pg_* names are the system's",
			"SELECT id FROM app.pg_jobs JOIN pg_stat_activity ON true",
			"select read:app.pg_jobs cols=id"},
		{"star of a join", "a bare * selects every table of the FROM list", "SELECT * FROM a JOIN b ON a.id = b.a_id",
			"select read:a read:b star(a,b)"},
		{"qualified star of a join", "t.* selects the table named or aliased t, not the first in the list",
			"SELECT p.id, users.* FROM projects p LEFT JOIN (SELECT *, row_number() OVER () AS rn FROM subs) sh ON true LEFT JOIN users ON sh.user_id = users.id",
			"select read:projects read:subs read:users star(users) cols=id"},
		{"star in a sub-query of the where clause", "the outer star selects the outer table, not the sub-query's",
			"SELECT * FROM tasks WHERE id IN (WITH RECURSIVE sub AS (SELECT task_id FROM task_relations) SELECT task_id FROM sub)",
			"select read:task_relations read:tasks star(tasks) where"},
		{"star through a cte", "a star over a CTE that selects * is a star over its table",
			"WITH RECURSIVE all_projects AS (SELECT p.* FROM projects p UNION ALL SELECT c.* FROM projects c JOIN all_projects a ON c.parent = a.id) SELECT * FROM all_projects",
			"select read:projects star(projects)"},
		{"star over named columns", "a star over a derived table that names its columns selects no table's every column",
			"SELECT * FROM (SELECT id, name FROM users) u",
			"select read:users"},
		{"hole in a quoted name", "a quoted name built from a variable is no table, and no NUL either",
			"DELETE FROM \"\x00\"", "delete open"},
		{"hole glued to a name", "users_ + suffix names no table users_", "SELECT id FROM users_\x00 WHERE id = 1 UNION SELECT id FROM \x00_log",
			"select where cols=id,id"},
		{"hole after a schema", "schema. + name names no table schema", "SELECT id FROM audit.\x00 WHERE id = 1",
			"select where cols=id"},
		{"json comments", "a comment on a column definition that says JSON marks it, and only it",
			"CREATE TABLE t (\n id text, -- the key\n scopes bytea not null, -- JSON array of strings\n data bytea /* raw */\n); ALTER TABLE t ADD COLUMN extra text; -- json object",
			"create ddl:t ddl defs=id text,scopes bytea (json),data bytea ; alter ddl:t ddl defs=extra text (json)"},
		{"drop column", "ALTER TABLE … DROP COLUMN removes columns, DROP DEFAULT and constraints do not",
			"ALTER TABLE t DROP COLUMN a, DROP IF EXISTS b, DROP CONSTRAINT c, ALTER COLUMN d DROP DEFAULT",
			"alter ddl:t ddl dropped=a,b"},
		{"rename table", "ALTER TABLE … RENAME TO gives the table a new name; a column rename does not",
			"ALTER TABLE t_dg_tmp RENAME TO t; ALTER TABLE u RENAME COLUMN a TO b; RENAME TABLE x TO y",
			"alter ddl:t ddl:t_dg_tmp ddl renamed=t_dg_tmp>t ; alter ddl:u ddl ; rename ddl:x ddl:y ddl renamed=x>y"},
		{"do block", "the statements of a DO block's body are statements; its control words are not",
			"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'campaign_lists') THEN ALTER TABLE campaign_lists ADD COLUMN id BIGSERIAL; END IF; END $$;",
			"other ; other ; other ; fragment ; alter ddl:campaign_lists ddl defs=id bigserial ; other ; other ; other"},
		{"unterminated", "broken input is tolerated", "SELECT 'oops FROM t",
			"select"},
		{"empty", "nothing in, nothing out", "  -- just a comment", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := brief(Scan(c.sql))
			if got != c.want {
				t.Errorf("%s\nScan(%q)\n got: %s\nwant: %s", c.reason, c.sql, got, c.want)
			}
		})
	}
}

func TestCatalogue(t *testing.T) {
	for name, want := range map[string]bool{
		"information_schema.columns":     true,
		"INFORMATION_SCHEMA.TABLES":      true,
		"pg_catalog.pg_class":            true,
		"pg_catalog.anything":            true,
		"pg_stat_activity":               true,
		"pg_toast.pg_toast_2619":         true,
		"sqlite_master":                  true,
		"sqlite_schema":                  true,
		"temp.sqlite_master":             true,
		"sqlite_sequence":                true,
		"mysql.user":                     true,
		"performance_schema.threads":     true,
		"sys.tables":                     true,
		"db.information_schema.columns":  true,
		"users":                          false,
		"public.users":                   false,
		"app.pg_jobs":                    false,
		"information":                    false,
		"mysql_users":                    false,
		"billing.invoices":               false,
		"pgsql_log":                      false,
		"schema_migrations":              false,
		"information_schema_backup.cols": false,
	} {
		if got := Catalogue(name); got != want {
			t.Errorf("Catalogue(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestScanDeterministic(t *testing.T) {
	q := "WITH x AS (SELECT * FROM a) SELECT * FROM x JOIN b ON true JOIN a ON true"
	first := Scan(q)
	for i := 0; i < 10; i++ {
		if got := Scan(q); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d differs: %v vs %v", i, got, first)
		}
	}
}

func FuzzScan(f *testing.F) {
	seeds := []string{
		"SELECT * FROM a JOIN b USING (id) WHERE x = $1",
		"WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n+1 FROM t) SELECT * FROM t",
		"INSERT INTO `x` (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)",
		"CREATE TABLE t (a jsonb, b int[] NOT NULL, CONSTRAINT c CHECK (b > 0))",
		"UPDATE t SET a = :a WHERE id IN (SELECT id FROM u WHERE x = @p)",
		"DELETE FROM \x00 WHERE \x00",
		"$$ $a$ '' \"\" `` [x] /* -- */ #",
		"((((((SELECT", "ALTER TABLE t ADD COLUMN", "E'\\'' FROM",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sts := Scan(s)
		for _, st := range sts {
			if st.Kind == "" {
				t.Fatalf("statement without kind in %q", s)
			}
			for i, tb := range st.Tables {
				if tb.Name == "" || tb.Access < Read || tb.Access > DDL {
					t.Fatalf("bad table %+v in %q", tb, s)
				}
				if i > 0 && (st.Tables[i-1].Name > tb.Name || st.Tables[i-1] == tb) {
					t.Fatalf("tables not sorted and unique: %v in %q", st.Tables, s)
				}
			}
		}
		if again := Scan(s); !reflect.DeepEqual(again, sts) {
			t.Fatalf("Scan is not deterministic on %q", s)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	q := `WITH recent AS (SELECT id, customer_id FROM orders WHERE created_at > now() - interval '1 day')
SELECT c.id, c.email, count(*) AS n FROM customers c JOIN recent r ON r.customer_id = c.id
WHERE c.active AND EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.status = $1)
GROUP BY c.id, c.email ORDER BY n DESC LIMIT 50;
UPDATE customers SET last_seen = now() WHERE id = ANY($2);
CREATE TABLE IF NOT EXISTS events (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz);`
	b.SetBytes(int64(len(q)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(q)
	}
}
