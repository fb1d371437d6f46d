// Package storetest gives each test its own Herald database, cloned from a
// migrated template in about a tenth of a second.
//
// The server is HERALD_TEST_DATABASE_URL, by default the local Postgres as
// user postgres. The template is named after a hash of the migrations, so a
// schema change builds a new one and old ones are dropped.
package storetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/heraldhq/herald/store"
)

// DefaultServerURL is the Postgres server tests use unless
// HERALD_TEST_DATABASE_URL says otherwise.
const DefaultServerURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// keepTemplates is how many templates of other schemas survive a new one.
const keepTemplates = 6

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// ServerURL returns the URL of the Postgres server tests run against.
func ServerURL() string {
	if u := os.Getenv("HERALD_TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultServerURL
}

// NewDatabase creates a fresh, migrated database for t and returns its URL.
// The database is dropped when t ends.
func NewDatabase(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	templateOnce.Do(func() { templateName, templateErr = ensureTemplate(ctx) })
	if templateErr != nil {
		t.Fatalf("storetest: template: %v", templateErr)
	}

	name := "herald_test_" + randomHex(6)
	admin := adminConn(t)
	if _, err := admin.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY", name, templateName)); err != nil {
		t.Fatalf("storetest: clone template: %v", err)
	}
	admin.Close(ctx)
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), ServerURL())
		if err != nil {
			t.Logf("storetest: drop %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("storetest: drop %s: %v", name, err)
		}
	})
	return databaseURL(t, name)
}

// NewPool returns a pool on a fresh, migrated database for t, closed and
// dropped when t ends.
func NewPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(NewDatabase(t))
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	cfg.MaxConns = 20
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func databaseURL(t testing.TB, name string) string {
	u := ServerURL()
	if parsed, err := url.Parse(u); err == nil && (parsed.Scheme == "postgres" || parsed.Scheme == "postgresql") {
		parsed.Path = "/" + name
		return parsed.String()
	}
	return u + " dbname=" + name // keyword/value form
}

func adminConn(t testing.TB) *pgx.Conn {
	conn, err := pgx.Connect(context.Background(), ServerURL())
	if err != nil {
		t.Fatalf("storetest: connect to %s: %v (is Postgres running?)", ServerURL(), err)
	}
	return conn
}

// ensureTemplate builds the migrated template for the current schema once
// per server, even with several test processes starting at the same time.
func ensureTemplate(ctx context.Context) (string, error) {
	name := "herald_tmpl_" + schemaHash()
	conn, err := pgx.Connect(ctx, ServerURL())
	if err != nil {
		return "", fmt.Errorf("connect to %s: %w (is Postgres running?)", ServerURL(), err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(7261726)"); err != nil {
		return "", err
	}
	defer conn.Exec(ctx, "SELECT pg_advisory_unlock(7261726)") //nolint:errcheck // released with the session

	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}

	// Build under a temporary name and rename, so a crash mid-migration
	// never leaves a half-built template behind.
	building := name + "_building"
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+building+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+building); err != nil {
		return "", err
	}
	cfg, err := pgxpool.ParseConfig(ServerURL())
	if err != nil {
		return "", err
	}
	cfg.ConnConfig.Database = building
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return "", err
	}
	err = store.Migrate(ctx, pool)
	pool.Close()
	if err != nil {
		return "", fmt.Errorf("migrate template: %w", err)
	}
	if _, err := conn.Exec(ctx, "ALTER DATABASE "+building+" RENAME TO "+name); err != nil {
		return "", err
	}

	// Drop templates of older schemas, keeping the newest few: other
	// checkouts (branches, worktrees) may be testing against them right now.
	rows, err := conn.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'herald\_tmpl\_%' AND datname <> $1
		ORDER BY oid DESC OFFSET $2`, name, keepTemplates)
	if err != nil {
		return "", err
	}
	old, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", err
	}
	for _, o := range old {
		dropCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, _ = conn.Exec(dropCtx, "DROP DATABASE IF EXISTS "+pgx.Identifier{o}.Sanitize()+" WITH (FORCE)")
		cancel()
	}
	return name, nil
}

// schemaHash identifies the schema by Herald's migration files and River's
// migrations, as embedded in this test binary.
func schemaHash() string {
	h := sha256.New()
	_ = fs.WalkDir(store.MigrationFiles(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(store.MigrationFiles(), path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	h.Write([]byte(store.RiverMigrationVersion()))
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
