package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/cmd/herald/internal/app"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// stdout runs fn and returns what it printed on standard output.
func stdout(t *testing.T, fn func() error) string {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	saved := os.Stdout
	os.Stdout = w
	runErr := fn()
	os.Stdout = saved
	require.NoError(t, w.Close())
	out, err := io.ReadAll(r)
	require.NoError(t, err)
	require.NoError(t, runErr)
	return string(out)
}

// TestKeysAndInboxTokenCommands: `herald keys create --operator` makes an
// operator key, and `herald inbox-token` mints a token the inbox accepts
// for that recipient. Not parallel: it swaps os.Stdout and the environment.
func TestKeysAndInboxTokenCommands(t *testing.T) {
	ctx := context.Background()
	dbURL := storetest.NewDatabase(t)
	t.Setenv("HERALD_DATABASE_URL", dbURL)
	cfg, err := app.ConfigFromEnv(func(k string) string {
		return map[string]string{"HERALD_DATABASE_URL": dbURL, "HERALD_ADDR": "127.0.0.1:0", "HERALD_AUTO_MIGRATE": "false"}[k]
	})
	require.NoError(t, err)
	a, err := app.New(ctx, cfg, nil)
	require.NoError(t, err)
	require.NoError(t, a.Start(ctx))
	t.Cleanup(func() {
		shutdownCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		require.NoError(t, a.Shutdown(shutdownCtx))
	})

	tenant, err := a.Store().CreateTenant(ctx, "acme")
	require.NoError(t, err)
	key := strings.TrimSpace(stdout(t, func() error { return runKeys(ctx, []string{"create", "--tenant", "acme", "--operator"}) }))
	require.True(t, strings.HasPrefix(key, "hk_"), key)
	k, _, err := a.Store().Authenticate(ctx, key)
	require.NoError(t, err)
	require.True(t, k.Operator)
	require.Contains(t, stdout(t, func() error { return runKeys(ctx, []string{"list", "--tenant", "acme"}) }), "operator")

	_, err = a.Store().UpsertRecipient(ctx, &store.Recipient{TenantID: tenant.ID, ID: "alice"})
	require.NoError(t, err)
	token := strings.TrimSpace(stdout(t, func() error {
		return runInboxToken(ctx, []string{"--url", a.URL(), "--api-key", key, "--ttl", "10m", "alice"})
	}))
	require.True(t, strings.HasPrefix(token, "hit_"), token)

	inbox := heraldv1connect.NewInboxServiceClient(http.DefaultClient, a.URL())
	req := connect.NewRequest(&heraldv1.UnreadCountRequest{})
	req.Header().Set("Authorization", "Bearer "+token)
	_, err = inbox.UnreadCount(ctx, req)
	require.NoError(t, err)

	err = runInboxToken(ctx, []string{"--url", a.URL(), "--api-key", key, "nobody"})
	require.Equal(t, connect.CodeNotFound, connect.CodeOf(err))
}
