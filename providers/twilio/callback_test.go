package twilio_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/twilio"
)

// TestSignatureMatchesTwilio: the example of Twilio's request validation
// documentation (auth token 12345), signed by Twilio's algorithm.
func TestSignatureMatchesTwilio(t *testing.T) {
	t.Parallel()
	u := "https://mycompany.com/myapp.php?foo=1&bar=2"
	params := url.Values{"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+12349013030"}, "Digits": {"1234"},
		"From": {"+12349013030"}, "To": {"+18005551212"}}
	require.Equal(t, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", twilio.Signature("12345", u, params))
	require.True(t, twilio.ValidSignature("12345", u, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
	require.True(t, twilio.ValidSignature("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),
		"with the default port made explicit")
	require.False(t, twilio.ValidSignature("12346", u, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "another token")
	params.Set("Digits", "1235")
	require.False(t, twilio.ValidSignature("12345", u, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "a changed parameter")
	require.False(t, twilio.ValidSignature("12345", u, params, ""), "no signature")
}

// TestStatusCallback: a message asks for a status callback naming its
// delivery; the loopback Twilio posts one signed the way Twilio does, and
// the provider verifies and reads it.
func TestStatusCallback(t *testing.T) {
	t.Parallel()
	type got struct {
		url    string
		form   url.Values
		signed bool
	}
	var (
		mu       sync.Mutex
		received []got
		p        *twilio.Provider
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		full := "http://" + r.Host + r.URL.RequestURI()
		mu.Lock()
		received = append(received, got{url: full, form: form, signed: p.VerifyCallback(full, form, r.Header.Get(twilio.SignatureHeader))})
		mu.Unlock()
	}))
	t.Cleanup(hook.Close)
	srv := providertest.NewTwilio(t, sid, token)
	var err error
	p, err = twilio.New(twilio.Options{AccountSID: sid, AuthToken: token, From: "+14155550100", URL: srv.URL,
		StatusCallbackURL: hook.URL + "/receipts/twilio/twilio/"})
	require.NoError(t, err)

	msg := message("+33612345678")
	_, err = p.Send(context.Background(), msg)
	require.NoError(t, err)
	call := srv.Calls()[0]
	require.Equal(t, hook.URL+"/receipts/twilio/twilio/"+msg.DeliveryID, call.Fields["statusCallback"])

	status, err := srv.PostStatus(call, "undelivered", 30005)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status)
	require.Len(t, received, 1)
	r := received[0]
	require.True(t, r.signed)
	require.Equal(t, call.Fields["statusCallback"], r.url)
	cb := twilio.ParseStatusCallback(r.form)
	require.Equal(t, twilio.Undeliverable, cb.Outcome())
	require.True(t, cb.InvalidNumber())
	require.Equal(t, sid, cb.AccountSID)
	require.Equal(t, call.Fields["sid"], cb.MessageSID)

	_, err = srv.PostStatus(call, "delivered", 0)
	require.NoError(t, err)
	require.Equal(t, twilio.Delivered, twilio.ParseStatusCallback(received[1].form).Outcome())
	require.False(t, twilio.ParseStatusCallback(received[1].form).InvalidNumber())

	// A callback signed with another token is refused.
	form := received[1].form
	_, err = providertest.PostTwilioForm(call.Fields["statusCallback"], form, twilio.Signature("another-token", call.Fields["statusCallback"], form))
	require.NoError(t, err)
	require.False(t, received[2].signed)

	for status, want := range map[string]twilio.Outcome{"queued": twilio.InTransit, "sent": twilio.InTransit, "failed": twilio.Undeliverable, "read": twilio.Read} {
		require.Equal(t, want, twilio.ParseStatusCallback(url.Values{"MessageStatus": {status}}).Outcome(), status)
	}
	require.False(t, twilio.ParseStatusCallback(url.Values{"MessageStatus": {"undelivered"}, "ErrorCode": {"30003"}}).InvalidNumber(),
		"an unreachable handset is usually switched off, not gone")
	require.True(t, twilio.InvalidNumberCode("21211"))
	require.False(t, twilio.InvalidNumberCode("21612"))
}
