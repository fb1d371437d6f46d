package slack_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/safehttp"
	"github.com/heraldhq/herald/providers/slack"
)

func TestSend(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := providertest.NewSlack(t)
	p := slack.New(&slack.Options{AllowPrivate: true})

	res, err := p.Send(ctx, &providers.Message{DeliveryID: "d1", To: srv.WebhookURL("secret1"), Body: "Deploy finished"})
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "Deploy finished", srv.Calls()[0].Fields["text"])

	_, err = p.Send(ctx, &providers.Message{DeliveryID: "d2", To: srv.WebhookURL("revoked"), Body: "x"})
	perr := providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.BadAddress)
	require.Equal(t, "no_service", perr.Code)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 429, Header: http.Header{"Retry-After": {"1"}}, Body: "rate_limited"}))
	_, err = p.Send(ctx, &providers.Message{DeliveryID: "d3", To: srv.WebhookURL("secret1"), Body: "x"})
	perr = providers.Classify(err)
	require.Equal(t, providers.Throttled, perr.Class)
	require.Equal(t, time.Second, perr.RetryAfter)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 500, Body: "rollup_error"}))
	_, err = p.Send(ctx, &providers.Message{DeliveryID: "d4", To: srv.WebhookURL("secret1"), Body: "x"})
	require.Equal(t, providers.Transient, providers.Classify(err).Class)
}

func TestRefusesPrivateWebhooks(t *testing.T) {
	t.Parallel()
	srv := providertest.NewSlack(t)
	_, err := slack.New(nil).Send(context.Background(), &providers.Message{DeliveryID: "d", To: srv.WebhookURL("s"), Body: "x"})
	require.ErrorIs(t, err, safehttp.ErrForbiddenAddress)
	require.Equal(t, providers.Permanent, providers.Classify(err).Class)
	require.Empty(t, srv.Calls())
}
