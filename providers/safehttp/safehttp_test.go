package safehttp_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"

	"golang.org/x/net/dns/dnsmessage"

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

// dnsServer answers every A query with addr, like a DNS record an attacker
// points at an internal address.
func dnsServer(t *testing.T, addr netip.Addr) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 512)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			var p dnsmessage.Parser
			h, err := p.Start(buf[:n])
			if err != nil {
				continue
			}
			q, err := p.Question()
			if err != nil {
				continue
			}
			b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true})
			_ = b.StartQuestions()
			_ = b.Question(q)
			_ = b.StartAnswers()
			if q.Type == dnsmessage.TypeA {
				_ = b.AResource(dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 60},
					dnsmessage.AResource{A: addr.As4()})
			}
			out, _ := b.Finish()
			_, _ = pc.WriteTo(out, from)
		}
	}()
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", pc.LocalAddr().String())
	}}
}

// hits is a loopback server on ip that counts requests.
func hits(t *testing.T, ip string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	ln, err := net.Listen("tcp", ip+":0")
	require.NoError(t, err)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { n.Add(1) }))
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestClientRefusesNamesResolvingToInternalAddresses(t *testing.T) {
	t.Parallel()
	internal, n := hits(t, "127.0.0.2")
	port := internal.Listener.Addr().(*net.TCPAddr).Port
	resolver := dnsServer(t, netip.MustParseAddr("127.0.0.2"))
	url := fmt.Sprintf("http://hooks.attacker.test:%d/", port)

	_, err := safehttp.NewClient(&safehttp.Options{Resolver: resolver}).Get(url)
	require.ErrorIs(t, err, safehttp.ErrForbiddenAddress)
	require.Zero(t, n.Load(), "nothing reached the internal server")

	// The same request with that address allowed gets through, so the
	// refusal above is the guard's doing.
	allowed := safehttp.NewClient(&safehttp.Options{Resolver: resolver, Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}})
	resp, err := allowed.Get(url)
	require.NoError(t, err)
	resp.Body.Close()
	require.EqualValues(t, 1, n.Load())
}

func TestClientRefusesRedirectsToInternalAddresses(t *testing.T) {
	t.Parallel()
	internal, n := hits(t, "127.0.0.2")
	port := internal.Listener.Addr().(*net.TCPAddr).Port
	resolver := dnsServer(t, netip.MustParseAddr("127.0.0.2"))
	// The first hop stands for a public endpoint: 127.0.0.1 is allowed.
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}))
	t.Cleanup(public.Close)
	client := safehttp.NewClient(&safehttp.Options{Resolver: resolver, Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})

	for _, target := range []string{
		fmt.Sprintf("http://127.0.0.2:%d/", port),           // an internal IP
		fmt.Sprintf("http://hooks.attacker.test:%d/", port), // a name that resolves to one
		fmt.Sprintf("http://[::ffff:127.0.0.2]:%d/", port),  // the same, IPv4-mapped
	} {
		_, err := client.Get(public.URL + "/?to=" + target)
		require.ErrorIs(t, err, safehttp.ErrForbiddenAddress, target)
	}
	_, err := client.Get(public.URL + "/?to=file:///etc/passwd")
	require.Error(t, err)
	require.Zero(t, n.Load(), "no redirect reached the internal server")
}
