package server

import (
	"context"
	"net"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// TestDatabaseOutagesAreUnavailable produces the errors a Postgres outage
// gives pgx — nothing listening, a server shutting down, a connection
// killed under a query, a pool whose connections all died — and checks
// each reaches clients as Unavailable without its text (which names hosts
// and users).
func TestDatabaseOutagesAreUnavailable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storetest.NewDatabase(t)

	// Nothing listening: the port of a listener just closed.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := ln.Addr().String()
	ln.Close()
	_, refused := pgx.Connect(ctx, "postgres://postgres@"+closed+"/herald?sslmode=disable&connect_timeout=5")
	require.Error(t, refused)

	// A connection terminated by the server (what a fast shutdown does to
	// every connection: 57P01), seen by the next query.
	victim, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { victim.Close(ctx) })
	admin, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close(ctx) })
	_, err = admin.Exec(ctx, "SELECT pg_terminate_backend($1)", victim.PgConn().PID())
	require.NoError(t, err)
	require.Eventually(t, func() bool { // the backend is gone
		var n int
		return admin.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE pid = $1", victim.PgConn().PID()).Scan(&n) == nil && n == 0
	}, 10*time.Second, 5*time.Millisecond)
	_, terminated := victim.Exec(ctx, "SELECT 1")
	require.Error(t, terminated)
	_, closedConn := victim.Exec(ctx, "SELECT 1") // and the one after
	require.Error(t, closedConn)

	// Through the store, as handlers see it: a pool on a server that went
	// away.
	pool, err := pgxpool.New(ctx, "postgres://postgres@"+closed+"/herald?sslmode=disable")
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	_, storeErr := store.NewStore(pool).GetTenant(ctx, [16]byte{})
	require.Error(t, storeErr)

	for name, err := range map[string]error{
		"refused": refused, "terminated": terminated, "closed connection": closedConn, "store": storeErr,
	} {
		got := toConnectError(ctx, err)
		require.Equal(t, connect.CodeUnavailable, connect.CodeOf(got), "%s: %v", name, err)
		require.NotContains(t, got.Error(), "127.0.0.1", name)
		require.NotContains(t, got.Error(), "postgres", name)
	}
	require.Equal(t, connect.CodeNotFound, connect.CodeOf(toConnectError(ctx, store.ErrNotFound)))
	require.Equal(t, connect.CodeCanceled, connect.CodeOf(toConnectError(ctx, context.Canceled)))
}
