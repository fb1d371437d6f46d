package twilio_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/twilio"
)

const (
	sid   = "AC00000000000000000000000000000001"
	token = "twilio-auth-token-secret"
)

func setup(t *testing.T, authToken string) (*twilio.Provider, *providertest.Twilio) {
	t.Helper()
	srv := providertest.NewTwilio(t, sid, token)
	p, err := twilio.New(twilio.Options{AccountSID: sid, AuthToken: authToken, From: "+14155550100", URL: srv.URL})
	require.NoError(t, err)
	return p, srv
}

func message(to string) *providers.Message {
	return &providers.Message{DeliveryID: "0193a1b2-0000-7000-8000-000000000002", To: to, Body: "Your code is 1234"}
}

func TestSend(t *testing.T) {
	t.Parallel()
	p, srv := setup(t, token)
	res, err := p.Send(context.Background(), message("+33612345678"))
	require.NoError(t, err)
	require.Equal(t, http.StatusCreated, res.StatusCode)
	require.Regexp(t, `^SM[0-9a-f]{32}$`, res.MessageID)
	calls := srv.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, "0193a1b2-0000-7000-8000-000000000002", calls[0].Key, "idempotency token header")
	require.Equal(t, "Your code is 1234", calls[0].Fields["body"])
}

func TestFailureClasses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	p, srv := setup(t, token)
	_, err := p.Send(ctx, message("+15550000000"))
	perr := providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.BadAddress, "21211 is an invalid number")
	require.Equal(t, "21211", perr.Code)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 429, Header: http.Header{"Retry-After": {"2"}},
		Body: `{"code":20429,"message":"Too Many Requests","status":429}`}))
	_, err = p.Send(ctx, message("+33612345678"))
	perr = providers.Classify(err)
	require.Equal(t, providers.Throttled, perr.Class)
	require.Equal(t, 2*time.Second, perr.RetryAfter)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 500, Body: `{"code":20500,"message":"Internal Server Error","status":500}`}))
	_, err = p.Send(ctx, message("+33612345678"))
	require.Equal(t, providers.Transient, providers.Classify(err).Class)

	wrong, _ := setup(t, "wrong-token-value")
	_, err = wrong.Send(ctx, message("+33612345678"))
	perr = providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.ProviderFault)
	require.Equal(t, "20003", perr.Code)
}
