package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// COPY rows carry ids as [16]byte: pgx encodes that directly, while a
// uuid.UUID goes through driver.Valuer and a failed plan per value.

// copyMin is the fewest rows worth a COPY; below it a multi-row INSERT
// costs about the same and skips COPY's extra round trips.
const copyMin = 32

// copyOrConflict COPYs rows into table inside a savepoint. It reports
// false, with the savepoint rolled back and the caller's transaction
// usable, when a row violates a unique constraint.
func (q *Queries) copyOrConflict(ctx context.Context, table string, columns []string, rows [][]any) (bool, error) {
	sp, err := q.db.Begin(ctx)
	if err != nil {
		return false, err
	}
	if _, err := sp.CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows)); err != nil {
		_ = sp.Rollback(ctx)
		if pgErr := (*pgconn.PgError)(nil); errors.As(err, &pgErr) && pgErr.Code == uniqueViolation {
			return false, nil
		}
		return false, fmt.Errorf("copy into %s: %w", table, err)
	}
	return true, sp.Commit(ctx)
}

// uniqueViolation is Postgres's SQLSTATE for a duplicate key.
const uniqueViolation = "23505"
