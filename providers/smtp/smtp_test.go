package smtp_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/smtp"
)

func setup(t *testing.T, password string) (*smtp.Provider, *providertest.SMTP) {
	t.Helper()
	srv := providertest.NewSMTP(t, "herald", "smtp-password-secret")
	p, err := smtp.New(smtp.Options{Host: srv.Host(), Port: srv.Port(), Username: "herald", Password: password,
		From: "Herald <no-reply@example.com>", TLSConfig: providertest.ClientTLS(t), Timeout: 5 * time.Second})
	require.NoError(t, err)
	t.Cleanup(func() { _ = p.Close() })
	return p, srv
}

func message(id, to string) *providers.Message {
	return &providers.Message{DeliveryID: id, To: to, Subject: "Welcome", Body: "Hello Ada", HTML: "<p>Hello Ada</p>"}
}

func TestSendOverSTARTTLSWithAuth(t *testing.T) {
	t.Parallel()
	p, srv := setup(t, "smtp-password-secret")
	ctx := context.Background()
	for _, id := range []string{"d-1", "d-2", "d-3"} {
		res, err := p.Send(ctx, message(id, "ada@example.com"))
		require.NoError(t, err)
		require.Equal(t, "<"+id+"@example.com>", res.MessageID)
	}
	calls := srv.Calls()
	require.Len(t, calls, 3)
	require.Equal(t, "d-1", calls[0].Key, "Message-ID carries the delivery id")
	require.Equal(t, "d-1", calls[0].Fields["header"])
	require.Equal(t, "yes", calls[0].Fields["tls"], "upgraded with STARTTLS before AUTH")
	require.Equal(t, "Welcome", calls[0].Fields["subject"])
	require.Contains(t, calls[0].Fields["body"], "Hello Ada")
	require.Equal(t, 1, srv.Connections(), "one connection, reused")
}

func TestFailureClasses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	p, srv := setup(t, "smtp-password-secret")
	_, err := p.Send(ctx, message("d-1", "nobody@example.com"))
	perr := providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.BadAddress, "550 5.1.1 at RCPT")

	srv.SetScript(providertest.Always(providertest.Reply{Status: 451, Body: "try again later"}))
	perr = providers.Classify(second(p.Send(ctx, message("d-2", "ada@example.com"))))
	require.Equal(t, providers.Transient, perr.Class)
	require.Equal(t, 451, perr.StatusCode)

	srv.SetScript(providertest.Always(providertest.Reply{Status: 554, Body: "rejected"}))
	perr = providers.Classify(second(p.Send(ctx, message("d-3", "ada@example.com"))))
	require.Equal(t, providers.Permanent, perr.Class)
	require.False(t, perr.BadAddress)

	wrong, _ := setup(t, "wrong-password-value")
	_, err = wrong.Send(ctx, message("d-4", "ada@example.com"))
	perr = providers.Classify(err)
	require.Equal(t, providers.Permanent, perr.Class)
	require.True(t, perr.ProviderFault, "535: credentials refused")
	require.NotContains(t, err.Error(), "wrong-password-value")
}

func TestConnectionRefusedIsTransient(t *testing.T) {
	t.Parallel()
	p, err := smtp.New(smtp.Options{Host: "127.0.0.1", Port: 1, From: "no-reply@example.com", Timeout: time.Second})
	require.NoError(t, err)
	_, err = p.Send(context.Background(), message("d-1", "ada@example.com"))
	require.Equal(t, providers.Transient, providers.Classify(err).Class)
}

func second(_ *providers.Result, err error) error { return err }
