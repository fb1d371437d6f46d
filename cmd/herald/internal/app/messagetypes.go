package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5"

	"github.com/heraldhq/herald/messagetype"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

// LoadMessageTypes validates every definition file in dir and, only if all
// are valid, upserts them in one transaction. Unchanged definitions keep
// their version.
func LoadMessageTypes(ctx context.Context, st *store.Store, r *render.Renderer, dir string, logger *slog.Logger) error {
	defs, err := messagetype.LoadDir(dir, r)
	if err != nil {
		return fmt.Errorf("message types in %s:\n%w", dir, err)
	}
	return st.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		tenants := map[string]*store.Tenant{}
		for _, d := range defs {
			t, ok := tenants[d.Tenant]
			if !ok {
				t, err = q.GetTenantByName(ctx, d.Tenant)
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("%s:%d: tenant %q does not exist (create it with: herald tenants create %s)", d.File, d.Line, d.Tenant, d.Tenant)
				}
				if err != nil {
					return err
				}
				tenants[d.Tenant] = t
			}
			mt, err := q.UpsertMessageType(ctx, t.ID, d.Key, d.Spec)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", d.File, d.Line, err)
			}
			logger.DebugContext(ctx, "message type loaded", "tenant", d.Tenant, "key", d.Key, "version", mt.Version, "file", d.File)
		}
		logger.InfoContext(ctx, "message types loaded", "dir", dir, "count", len(defs))
		return nil
	})
}
