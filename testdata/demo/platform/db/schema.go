package db

import (
	"context"
	"database/sql"
	"fmt"
)

// schema creates every table the service needs. All statements are
// idempotent, so it is safe to run on every start-up.
const schema = `
CREATE TABLE IF NOT EXISTS customers (
	id                 BIGSERIAL PRIMARY KEY,
	email              TEXT NOT NULL UNIQUE,
	full_name          TEXT NOT NULL DEFAULT '',
	phone              TEXT NOT NULL DEFAULT '',
	street             TEXT NOT NULL DEFAULT '',
	city               TEXT NOT NULL DEFAULT '',
	postal_code        TEXT NOT NULL DEFAULT '',
	country            TEXT NOT NULL DEFAULT '',
	stripe_customer_id TEXT NOT NULL DEFAULT '',
	balance_cents      BIGINT NOT NULL DEFAULT 0,
	currency           TEXT NOT NULL DEFAULT 'EUR',
	marketing_opt_in   BOOLEAN NOT NULL DEFAULT false,
	last_order_at      TIMESTAMPTZ,
	created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
	updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS products (
	id          BIGSERIAL PRIMARY KEY,
	sku         TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	category    TEXT NOT NULL DEFAULT '',
	price_cents BIGINT NOT NULL,
	currency    TEXT NOT NULL DEFAULT 'EUR',
	stock       INTEGER NOT NULL DEFAULT 0,
	active      BOOLEAN NOT NULL DEFAULT true,
	featured    BOOLEAN NOT NULL DEFAULT false,
	attributes  JSONB NOT NULL DEFAULT '{}',
	created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
	updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orders (
	id               BIGSERIAL PRIMARY KEY,
	customer_id      BIGINT NOT NULL REFERENCES customers (id),
	status           TEXT NOT NULL,
	total_cents      BIGINT NOT NULL,
	currency         TEXT NOT NULL,
	ship_name        TEXT NOT NULL DEFAULT '',
	ship_street      TEXT NOT NULL DEFAULT '',
	ship_city        TEXT NOT NULL DEFAULT '',
	ship_postal_code TEXT NOT NULL DEFAULT '',
	ship_country     TEXT NOT NULL DEFAULT '',
	created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
	updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);

CREATE TABLE IF NOT EXISTS order_items (
	id               BIGSERIAL PRIMARY KEY,
	order_id         BIGINT NOT NULL REFERENCES orders (id),
	product_id       BIGINT NOT NULL REFERENCES products (id),
	quantity         INTEGER NOT NULL,
	unit_price_cents BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS invoices (
	id           BIGSERIAL PRIMARY KEY,
	order_id     BIGINT NOT NULL REFERENCES orders (id),
	customer_id  BIGINT NOT NULL REFERENCES customers (id),
	amount_cents BIGINT NOT NULL,
	currency     TEXT NOT NULL,
	status       TEXT NOT NULL,
	external_ref TEXT NOT NULL DEFAULT '',
	issued_at    TIMESTAMPTZ NOT NULL,
	paid_at      TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS ledger_entries (
	id           BIGSERIAL PRIMARY KEY,
	account      TEXT NOT NULL,
	order_id     BIGINT,
	amount_cents BIGINT NOT NULL,
	currency     TEXT NOT NULL,
	memo         TEXT NOT NULL DEFAULT '',
	created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS refunds (
	id           BIGSERIAL PRIMARY KEY,
	order_id     BIGINT NOT NULL REFERENCES orders (id),
	invoice_id   BIGINT NOT NULL REFERENCES invoices (id),
	amount_cents BIGINT NOT NULL,
	reason       TEXT NOT NULL DEFAULT '',
	created_at   TIMESTAMPTZ NOT NULL
);
`

// EnsureSchema creates any missing tables and indexes.
func EnsureSchema(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("ensure schema: %w", err)
	}
	return nil
}
