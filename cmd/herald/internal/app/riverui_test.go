package app_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

// TestRiverUIIsForOperatorsOnly opens /riverui as a browser would: asked
// for credentials without them, refused with a tenant's key, served with an
// operator key (as the basic auth password, or a bearer token).
func TestRiverUIIsForOperatorsOnly(t *testing.T) {
	t.Parallel()
	b := setup(t)
	opKey := store.NewAPIKey()
	k, err := b.app.Store().CreateAPIKey(b.ctx, b.tenant.ID, "ops", opKey)
	require.NoError(t, err)
	require.NoError(t, b.app.Store().SetAPIKeyOperator(b.ctx, b.tenant.ID, k.ID, true))

	get := func(path string, auth func(*http.Request)) (*http.Response, string) {
		req, err := http.NewRequestWithContext(b.ctx, http.MethodGet, b.app.URL()+path, nil)
		require.NoError(t, err)
		auth(req)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}

	resp, _ := get("/riverui/", func(*http.Request) {})
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	require.Contains(t, resp.Header.Get("WWW-Authenticate"), "Basic", "a browser is asked for credentials")

	resp, _ = get("/riverui/", func(r *http.Request) { r.SetBasicAuth("ops", "hk_not_a_key") })
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	resp, _ = get("/riverui/", func(r *http.Request) { r.SetBasicAuth("ops", b.key) })
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "a tenant key is not an operator key")

	resp, body := get("/riverui/", func(r *http.Request) { r.SetBasicAuth("ops", opKey) })
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, body, "<html")

	resp, body = get("/riverui/api/queues", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+opKey) })
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	require.Contains(t, body, "fanout_normal", "the UI's API lists Herald's lanes")
}
