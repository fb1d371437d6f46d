package sendgrid_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/sendgrid"
)

// TestVerifySignatureMatchesSendGrid: the key, payload and signature of
// SendGrid's own library tests (sendgrid-go helpers/eventwebhook).
func TestVerifySignatureMatchesSendGrid(t *testing.T) {
	t.Parallel()
	key, err := sendgrid.ParsePublicKey("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==")
	require.NoError(t, err)
	payload := []byte(`{"category":"example_payload","event":"test_event","message_id":"message_id"}`)
	sig := "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="
	require.NoError(t, sendgrid.VerifySignature(key, payload, sig, "1588788367"))
	require.ErrorIs(t, sendgrid.VerifySignature(key, []byte(`{"event":"forged"}`), sig, "1588788367"), sendgrid.ErrBadSignature)
	require.ErrorIs(t, sendgrid.VerifySignature(key, payload, sig, "1588788368"), sendgrid.ErrBadSignature, "another timestamp")
	require.ErrorIs(t, sendgrid.VerifySignature(key, payload, sig+"x", "1588788367"), sendgrid.ErrBadSignature)
	require.ErrorIs(t, sendgrid.VerifySignature(key, payload, sig, ""), sendgrid.ErrBadSignature)

	_, err = sendgrid.ParsePublicKey("not a key")
	require.Error(t, err)
}

// TestEventWebhook: events about a sent message, posted by the loopback
// SendGrid with its signing key, verify against its public key and parse;
// a tampered post does not verify; without a key nothing does.
func TestEventWebhook(t *testing.T) {
	t.Parallel()
	srv := providertest.NewSendGrid(t, "SG.right-key")
	p, err := sendgrid.New(sendgrid.Options{APIKey: "SG.right-key", From: "Herald <no-reply@example.com>", URL: srv.URL,
		WebhookPublicKey: srv.WebhookPublicKey()})
	require.NoError(t, err)
	_, err = p.Send(context.Background(), message())
	require.NoError(t, err)
	call := srv.Calls()[0]

	var verified []error
	var events []sendgrid.Event
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		err := p.VerifyEvents(body, r.Header.Get(sendgrid.SignatureHeader), r.Header.Get(sendgrid.TimestampHeader))
		verified = append(verified, err)
		if err == nil {
			evs, err := sendgrid.ParseEvents(body)
			require.NoError(t, err)
			events = append(events, evs...)
		}
	}))
	t.Cleanup(hook.Close)

	status, err := srv.PostEvents(hook.URL, srv.Event(call, "delivered", nil),
		srv.Event(call, "bounce", map[string]any{"type": "bounce", "reason": "550 5.1.1 The email account does not exist", "status": "5.1.1",
			"bounce_classification": "Invalid Address"}),
		srv.Event(call, "bounce", map[string]any{"type": "blocked", "reason": "421 try later"}),
		srv.Event(call, "click", map[string]any{"url": "https://example.com/a"}),
		srv.Event(call, "spamreport", nil))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []error{nil}, verified)
	require.Len(t, events, 5)
	require.Equal(t, message().DeliveryID, events[0].DeliveryID)
	require.Equal(t, "delivered", events[0].Event)
	require.NotEmpty(t, events[0].SGEventID)
	require.Equal(t, "ada@example.com", events[1].Email)
	require.True(t, events[1].HardBounce())
	require.False(t, events[2].HardBounce(), "a block is not about the address")
	require.Equal(t, "https://example.com/a", events[3].URL)
	require.True(t, events[4].Complaint())
	require.True(t, sendgrid.Event{Event: "dropped", Reason: "Bounced Address"}.HardBounce())
	require.True(t, sendgrid.Event{Event: "dropped", Reason: "Spam Reporting Address"}.Complaint())

	body, _ := json.Marshal([]map[string]any{srv.Event(call, "delivered", nil)})
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	sig := srv.SignEvents(body, ts)
	_, err = providertest.PostSendGridEvents(hook.URL, append(body[:len(body)-1:len(body)-1], []byte(`,{"event":"bounce"}]`)...), sig, ts)
	require.NoError(t, err)
	require.ErrorIs(t, verified[1], sendgrid.ErrBadSignature, "a tampered body")

	unkeyed, err := sendgrid.New(sendgrid.Options{APIKey: "SG.right-key", From: "no-reply@example.com", URL: srv.URL})
	require.NoError(t, err)
	require.ErrorIs(t, unkeyed.VerifyEvents(body, sig, ts), sendgrid.ErrNoPublicKey)
	_, err = sendgrid.New(sendgrid.Options{APIKey: "SG.right-key", From: "no-reply@example.com", WebhookPublicKey: "bm90IGEga2V5"})
	require.ErrorContains(t, err, "webhook public key")
}
