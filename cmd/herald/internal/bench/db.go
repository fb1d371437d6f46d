package bench

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// database is the bench's own database, dropped when the run ends.
type database struct {
	adminURL      string
	name          string
	url           string
	serverVersion string
}

// createDatabase creates a fresh database on the server of serverURL. The
// database serverURL names need not exist (a fresh machine has no "herald"
// yet): the server's "postgres" database is used instead.
func createDatabase(ctx context.Context, serverURL string) (*database, error) {
	conn, err := pgx.Connect(ctx, serverURL)
	if pgErr := (*pgconn.PgError)(nil); errors.As(err, &pgErr) && pgErr.Code == "3D000" { // invalid_catalog_name
		if u, perr := url.Parse(serverURL); perr == nil {
			u.Path = "/postgres"
			serverURL = u.String()
			conn, err = pgx.Connect(ctx, serverURL)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("bench: connect to %s: %w", serverURL, err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	d := &database{adminURL: serverURL, name: "herald_bench_" + hex.EncodeToString(b)}
	if err := conn.QueryRow(ctx, "SHOW server_version").Scan(&d.serverVersion); err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+d.name); err != nil {
		return nil, fmt.Errorf("bench: create database: %w", err)
	}
	u, err := url.Parse(serverURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("bench: the database URL must be a postgres:// URL")
	}
	u.Path = "/" + d.name
	d.url = u.String()
	return d, nil
}

func (d *database) drop(ctx context.Context) {
	conn, err := pgx.Connect(ctx, d.adminURL)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	_, _ = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+d.name+" WITH (FORCE)")
}
