package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	"github.com/heraldhq/herald/store"
)

// openStore connects to the configured database, creating and migrating it
// first, for the admin commands.
func openStore(ctx context.Context) (*store.Store, func(), error) {
	cfg, err := app.ConfigFromEnv(nil)
	if err != nil {
		return nil, nil, err
	}
	if err := store.EnsureDatabase(ctx, cfg.DatabaseURL); err != nil {
		return nil, nil, &app.DatabaseError{URL: cfg.DatabaseURL, Err: err}
	}
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, nil, &app.DatabaseError{URL: cfg.DatabaseURL, Err: err}
	}
	if err := store.Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, nil, err
	}
	return store.NewStore(pool), pool.Close, nil
}

func runMigrate(ctx context.Context, _ []string) error {
	_, closeFn, err := openStore(ctx)
	if err != nil {
		return err
	}
	closeFn()
	fmt.Println("migrated")
	return nil
}

func runTenants(ctx context.Context, args []string) error {
	if len(args) != 2 || args[0] != "create" {
		return errors.New("usage: herald tenants create <name>")
	}
	st, closeFn, err := openStore(ctx)
	if err != nil {
		return err
	}
	defer closeFn()
	t, err := st.CreateTenant(ctx, args[1])
	if err != nil {
		return err
	}
	fmt.Printf("tenant %s (%s)\n", t.Name, t.ID)
	fmt.Printf("webhook signing secret (verify Herald-Signature with it): %x\n", t.SigningSecret)
	fmt.Printf("create an API key: herald keys create --tenant %s\n", t.Name)
	return nil
}

func runKeys(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("usage: herald keys create|list|revoke --tenant <name> [--name <key name>] [--operator] [<key id>]")
	}
	sub := args[0]
	fs := flag.NewFlagSet("keys "+sub, flag.ContinueOnError)
	tenantName := fs.String("tenant", "", "tenant name (required)")
	keyName := fs.String("name", "cli", "name of the new key")
	operator := fs.Bool("operator", false, "give the new key the operator role (queue depths in the console)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *tenantName == "" {
		return errors.New("--tenant is required")
	}
	st, closeFn, err := openStore(ctx)
	if err != nil {
		return err
	}
	defer closeFn()
	t, err := st.GetTenantByName(ctx, *tenantName)
	if err != nil {
		return fmt.Errorf("tenant %q: %w (create it with: herald tenants create %s)", *tenantName, err, *tenantName)
	}
	switch sub {
	case "create":
		key := store.NewAPIKey()
		var k *store.APIKey
		err := st.InTx(ctx, func(tx pgx.Tx) error {
			q := store.New(tx)
			var err error
			if k, err = q.CreateAPIKey(ctx, t.ID, *keyName, key); err != nil {
				return err
			}
			return q.SetAPIKeyOperator(ctx, t.ID, k.ID, *operator)
		})
		if err != nil {
			return err
		}
		role := "key"
		if *operator {
			role = "operator key"
		}
		fmt.Fprintf(os.Stderr, "%s %s (%s) for tenant %s; it is shown once, store it now:\n", role, k.Name, k.ID, t.Name)
		fmt.Println(key)
	case "list":
		keys, err := st.ListAPIKeys(ctx, t.ID)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tNAME\tROLE\tCREATED\tREVOKED")
		for _, k := range keys {
			revoked := "-"
			if k.RevokedAt != nil {
				revoked = k.RevokedAt.Format(time.RFC3339)
			}
			role := "tenant"
			if k.Operator {
				role = "operator"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, role, k.CreatedAt.Format(time.RFC3339), revoked)
		}
		return w.Flush()
	case "revoke":
		if fs.NArg() != 1 {
			return errors.New("usage: herald keys revoke --tenant <name> <key id>")
		}
		id, err := uuid.Parse(fs.Arg(0))
		if err != nil {
			return fmt.Errorf("key id: %w", err)
		}
		if err := st.RevokeAPIKey(ctx, t.ID, id); err != nil {
			return err
		}
		fmt.Println("revoked", id)
	default:
		return fmt.Errorf("unknown keys command %q (create, list or revoke)", sub)
	}
	return nil
}
