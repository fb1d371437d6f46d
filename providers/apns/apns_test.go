package apns_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/apns"
	"github.com/heraldhq/herald/providers/providertest"
)

func setup(t testing.TB) (*apns.Provider, *providertest.APNs) {
	t.Helper()
	srv := providertest.NewAPNs(t)
	return signingWith(t, srv, srv.KeyPEM()), srv
}

// signingWith returns a provider for srv that signs with keyPEM.
func signingWith(t testing.TB, srv *providertest.APNs, keyPEM []byte) *apns.Provider {
	t.Helper()
	key, err := apns.ParseKey(keyPEM)
	require.NoError(t, err)
	p, err := apns.New(apns.Options{Key: key, KeyID: srv.KeyID, TeamID: srv.TeamID, Topic: srv.Topic, URL: srv.URL,
		HTTPClient: providers.NewHTTPClient(&providers.HTTPOptions{TLS: providertest.ClientTLS(t)})})
	require.NoError(t, err)
	return p
}

const id = "0193a1b2-0000-7000-8000-000000000004"

func message(token string) *providers.Message {
	return &providers.Message{DeliveryID: id, To: token, Platform: "apns", Title: "Hi", Body: "There"}
}

func TestSendOverHTTP2(t *testing.T) {
	t.Parallel()
	p, srv := setup(t)
	res, err := p.Send(context.Background(), message("a1b2c3"))
	require.NoError(t, err, "the server refuses anything but HTTP/2 and a valid ES256 provider token")
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, id, res.MessageID)
	calls := srv.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, id, calls[0].Key, "apns-id is the delivery id")
	require.Equal(t, id, calls[0].Fields["collapse"])
	require.Equal(t, "Hi", calls[0].Fields["title"])
}

func TestFailureClasses(t *testing.T) {
	t.Parallel()
	p, srv := setup(t)
	ctx := context.Background()

	srv.Reject("uninstalled", "Unregistered")
	perr := providers.Classify(second(p.Send(ctx, message("uninstalled"))))
	require.Equal(t, providers.Permanent, perr.Class)
	require.Equal(t, http.StatusGone, perr.StatusCode)
	require.True(t, perr.BadAddress)

	srv.Reject("garbled", "BadDeviceToken")
	perr = providers.Classify(second(p.Send(ctx, message("garbled"))))
	require.True(t, perr.BadAddress)
	require.Equal(t, "BadDeviceToken", perr.Code)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 429, Body: `{"reason":"TooManyRequests"}`}))
	require.Equal(t, providers.Throttled, providers.Classify(second(p.Send(ctx, message("a1b2c3")))).Class)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 503, Body: `{"reason":"ServiceUnavailable"}`}))
	require.Equal(t, providers.Transient, providers.Classify(second(p.Send(ctx, message("a1b2c3")))).Class)
}

func TestWrongKeyIsProviderFault(t *testing.T) {
	t.Parallel()
	_, srv := setup(t)
	p := signingWith(t, srv, providertest.NewAPNs(t).KeyPEM()) // a key the server does not know
	perr := providers.Classify(second(p.Send(context.Background(), message("a1b2c3"))))
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.ProviderFault)
	require.Equal(t, "InvalidProviderToken", perr.Code)
}

func second(_ *providers.Result, err error) error { return err }

func BenchmarkSend(b *testing.B) {
	p, _ := setup(b)
	ctx := context.Background()
	m := message("a1b2c3")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Send(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}
