package sendgrid_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/sendgrid"
)

func setup(t *testing.T, key string) (*sendgrid.Provider, *providertest.SendGrid) {
	t.Helper()
	srv := providertest.NewSendGrid(t, "SG.right-key")
	p, err := sendgrid.New(sendgrid.Options{APIKey: key, From: "Herald <no-reply@example.com>", URL: srv.URL})
	require.NoError(t, err)
	return p, srv
}

func message() *providers.Message {
	return &providers.Message{DeliveryID: "0193a1b2-0000-7000-8000-000000000001", To: "ada@example.com",
		Subject: "Hello", Body: "Hi Ada", HTML: "<p>Hi Ada</p>"}
}

func TestSend(t *testing.T) {
	t.Parallel()
	p, srv := setup(t, "SG.right-key")
	res, err := p.Send(context.Background(), message())
	require.NoError(t, err)
	require.Equal(t, http.StatusAccepted, res.StatusCode)
	require.NotEmpty(t, res.MessageID, "X-Message-Id")

	calls := srv.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, "0193a1b2-0000-7000-8000-000000000001", calls[0].Key, "custom_args carry the delivery id")
	require.Equal(t, calls[0].Key, calls[0].Fields["header"])
	require.Equal(t, "ada@example.com", calls[0].To)
	require.Equal(t, "Hello", calls[0].Fields["subject"])
	require.Equal(t, "Hi Ada", calls[0].Fields["body"], "text/plain comes first")
}

func TestFailureClasses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	p, _ := setup(t, "SG.wrong-key")
	_, err := p.Send(ctx, message())
	perr := providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.ProviderFault, "a refused key is the account's fault: fail over")
	require.NotContains(t, err.Error(), "SG.wrong-key")

	p, srv := setup(t, "SG.right-key")
	srv.SetScript(providertest.Always(providertest.Reply{Status: 503, Body: "upstream down"}))
	perr = providers.Classify(second(p.Send(ctx, message())))
	require.Equal(t, providers.Transient, perr.Class)
	require.Equal(t, 503, perr.StatusCode)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 429, Header: http.Header{"Retry-After": {"3"}}}))
	perr = providers.Classify(second(p.Send(ctx, message())))
	require.Equal(t, providers.Throttled, perr.Class)
	require.Equal(t, 3*time.Second, perr.RetryAfter)

	reset := strconv.FormatInt(time.Now().Add(90*time.Second).Unix(), 10)
	srv.SetScript(providertest.Always(providertest.Reply{Status: 429, Header: http.Header{"X-RateLimit-Reset": {reset}}}))
	perr = providers.Classify(second(p.Send(ctx, message())))
	require.Equal(t, providers.Throttled, perr.Class)
	require.InDelta(t, 90, perr.RetryAfter.Seconds(), 2, "X-RateLimit-Reset when there is no Retry-After")

	srv.SetScript(nil)
	bad := message()
	bad.To = "not-an-address"
	perr = providers.Classify(second(p.Send(ctx, bad)))
	require.Equal(t, providers.Permanent, perr.Class)
	require.Contains(t, perr.Error(), "personalizations.0.to.0.email")
}

func second(_ *providers.Result, err error) error { return err }

func BenchmarkBuildRequest(b *testing.B) {
	p, err := sendgrid.New(sendgrid.Options{APIKey: "k", From: "no-reply@example.com"})
	require.NoError(b, err)
	m := message()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.BuildRequest(m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSend(b *testing.B) {
	srv := providertest.NewSendGrid(b, "k")
	p, err := sendgrid.New(sendgrid.Options{APIKey: "k", From: "no-reply@example.com", URL: srv.URL})
	require.NoError(b, err)
	m := message()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Send(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}
