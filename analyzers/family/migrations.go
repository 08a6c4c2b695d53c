package family

import "strings"

// MigrationPackage reports whether a package holds schema migrations, by
// its name or the last element of its import path (migrations, migrate,
// migrator, db_migrations, schema-migrations…): its code follows the
// schema by design, which the data and coupling rules take into account.
func MigrationPackage(path, name string) bool {
	last := path[strings.LastIndexByte(path, '/')+1:]
	for _, n := range []string{name, last} {
		n = strings.Map(dropSeparator, strings.ToLower(n))
		switch n {
		case "migration", "migrations", "migrate", "migrator", "migrators", "dbmigrate", "dbmigration", "dbmigrations", "schemamigrations":
			return true
		}
	}
	return false
}

// dropSeparator drops the characters package names and paths separate
// words with (for strings.Map; a strings.Replacer built per package was
// a measured hot spot).
func dropSeparator(r rune) rune {
	if r == '-' || r == '_' || r == '.' {
		return -1
	}
	return r
}
