// Package store is Herald's data layer. Every SQL statement Herald runs lives
// in this package; callers pass transactions in explicitly.
//
// Store imports no other Herald package: it defines the domain rows the rest
// of Herald works with.
//
// A list of keys under a tenant is joined from unnest($n) rather than
// matched with "tenant_id = $1 AND key = ANY($n)": pgx prepares
// statements, and once Postgres switches such a statement to its generic
// plan it can scan the tenant's whole index range and filter each row
// against the array (measured: fan-out chunks of 500 recipients slowed
// threefold after a thousand small sends). The join looks each key up.
package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotFound is returned when a row the caller asked for does not exist (or
// belongs to another tenant).
var ErrNotFound = errors.New("store: not found")

// DBTX is what queries run on: a pool, a connection or a transaction.
type DBTX interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, rows pgx.CopyFromSource) (int64, error)
	// Begin starts a transaction, or a savepoint within one.
	Begin(ctx context.Context) (pgx.Tx, error)
}

// Queries runs Herald's statements on one DBTX.
type Queries struct {
	db DBTX
}

// New returns Queries that run on db.
func New(db DBTX) *Queries { return &Queries{db: db} }

// Store is Queries on a pool, plus transactions.
type Store struct {
	*Queries
	pool *pgxpool.Pool
}

// NewStore returns a Store on pool.
func NewStore(pool *pgxpool.Pool) *Store {
	return &Store{Queries: New(pool), pool: pool}
}

// Pool returns the pool the store runs on.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// InTx runs fn in a transaction, committing if fn returns nil and rolling
// back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.pool.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// notFound turns pgx.ErrNoRows into ErrNotFound, naming what was missing.
func notFound(err error, what string) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
