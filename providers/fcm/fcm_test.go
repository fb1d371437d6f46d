package fcm_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/fcm"
	"github.com/heraldhq/herald/providers/providertest"
)

func setup(t *testing.T) (*fcm.Provider, *providertest.FCM) {
	t.Helper()
	srv := providertest.NewFCM(t)
	sa, err := fcm.ParseServiceAccount(srv.ServiceAccountJSON())
	require.NoError(t, err)
	p, err := fcm.New(fcm.Options{Account: sa, URL: srv.URL})
	require.NoError(t, err)
	return p, srv
}

func message(token string) *providers.Message {
	return &providers.Message{DeliveryID: "0193a1b2-0000-7000-8000-000000000003", To: token, Platform: "fcm",
		Title: "Order shipped", Body: "It is on its way"}
}

func TestSendWithServiceAccountToken(t *testing.T) {
	t.Parallel()
	p, srv := setup(t)
	ctx := context.Background()
	for range 3 {
		res, err := p.Send(ctx, message("device-token-1"))
		require.NoError(t, err)
		require.Contains(t, res.MessageID, "projects/herald-test/messages/")
	}
	require.Equal(t, 1, srv.TokenGrants(), "the access token is reused until it nears expiry")
	calls := srv.Calls()
	require.Len(t, calls, 3)
	require.Equal(t, "0193a1b2-0000-7000-8000-000000000003", calls[0].Key)
	require.Equal(t, "Order shipped", calls[0].Fields["title"])
}

func TestFailureClasses(t *testing.T) {
	t.Parallel()
	p, srv := setup(t)
	ctx := context.Background()

	srv.Unregister("gone-token")
	_, err := p.Send(ctx, message("gone-token"))
	perr := providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.BadAddress)
	require.Equal(t, "UNREGISTERED", perr.Code)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 400,
		Body: `{"error":{"code":400,"message":"The registration token is not a valid FCM registration token","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"}]}}`}))
	perr = providers.Classify(second(p.Send(ctx, message("garbled"))))
	require.True(t, perr.BadAddress, "INVALID_ARGUMENT about the token")

	srv.SetScript(providertest.Always(providertest.Reply{Status: 400,
		Body: `{"error":{"code":400,"message":"Invalid value at 'message.data[0].value'","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"message.data[0].value"}]}]}}`}))
	perr = providers.Classify(second(p.Send(ctx, message("device-token-1"))))
	require.Equal(t, providers.Permanent, perr.Class)
	require.False(t, perr.BadAddress, "INVALID_ARGUMENT about the payload keeps the token")

	srv.SetScript(providertest.Always(providertest.Reply{Status: 429, Header: http.Header{"Retry-After": {"5"}},
		Body: `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"QUOTA_EXCEEDED"}]}}`}))
	perr = providers.Classify(second(p.Send(ctx, message("device-token-1"))))
	require.Equal(t, providers.Throttled, perr.Class)
	require.Equal(t, 5*time.Second, perr.RetryAfter)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 503, Body: `{"error":{"code":503,"status":"UNAVAILABLE"}}`}))
	require.Equal(t, providers.Transient, providers.Classify(second(p.Send(ctx, message("device-token-1")))).Class)
}

func TestTokenEndpointRefusal(t *testing.T) {
	t.Parallel()
	srv := providertest.NewFCM(t)
	other := providertest.NewFCM(t) // a key the token endpoint does not know
	sa, err := fcm.ParseServiceAccount(other.ServiceAccountJSON())
	require.NoError(t, err)
	p, err := fcm.New(fcm.Options{Account: sa, URL: srv.URL, TokenURL: srv.URL + "/token"})
	require.NoError(t, err)
	perr := providers.Classify(second(p.Send(context.Background(), message("device-token-1"))))
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.ProviderFault)
	require.NotContains(t, perr.Error(), "PRIVATE KEY")
}

func TestParseServiceAccountHidesKey(t *testing.T) {
	t.Parallel()
	_, err := fcm.ParseServiceAccount([]byte(`{"type":"service_account","client_email":"a@b","private_key":"not-a-pem-secret"}`))
	require.Error(t, err)
	require.NotContains(t, err.Error(), "not-a-pem-secret")
}

func second(_ *providers.Result, err error) error { return err }
