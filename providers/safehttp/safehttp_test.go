package safehttp_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers/safehttp"
)

func TestCheckAddress(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{
		"127.0.0.1:80", "[::1]:443", "10.1.2.3:80", "172.16.0.1:80", "192.168.1.1:80", "169.254.169.254:80",
		"0.0.0.0:80", "[::]:80", "100.64.0.1:80", "[fd00::1]:80", "[fe80::1]:80", "[::ffff:127.0.0.1]:80",
		"[64:ff9b::a00:1]:80", "224.0.0.1:80", "localhost:80",
	} {
		require.ErrorIs(t, safehttp.CheckAddress(addr), safehttp.ErrForbiddenAddress, addr)
	}
	for _, addr := range []string{"93.184.216.34:443", "[2606:2800:220:1:248:1893:25c8:1946]:443", "8.8.8.8:53"} {
		require.NoError(t, safehttp.CheckAddress(addr), addr)
	}
}

func TestClientRefusesInternalTargets(t *testing.T) {
	t.Parallel()
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }))
	t.Cleanup(internal.Close)

	client := safehttp.NewClient(nil)
	_, err := client.Get(internal.URL)
	require.ErrorIs(t, err, safehttp.ErrForbiddenAddress, "a loopback URL is refused")

	// A DNS name that resolves to loopback is refused at dial time too.
	_, err = client.Get("http://localhost:" + internal.Listener.Addr().(interface{ String() string }).String()[len("127.0.0.1:"):])
	require.ErrorIs(t, err, safehttp.ErrForbiddenAddress)

	allowed := safehttp.NewClient(&safehttp.Options{AllowPrivate: true})
	resp, err := allowed.Get(internal.URL)
	require.NoError(t, err)
	resp.Body.Close()
}
