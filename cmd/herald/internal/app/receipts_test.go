package app_test

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/providers/providertest"
	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/tracking"
)

// publicEnv gives Herald a fixed address and that address as its public
// URL, so that the callback URLs it hands providers lead back to it.
func publicEnv(t *testing.T, env map[string]string) map[string]string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	out := map[string]string{"HERALD_ADDR": addr, "HERALD_PUBLIC_URL": "http://" + addr}
	for k, v := range env {
		out[k] = v
	}
	return out
}

func (b *testBundle) suppressions() heraldv1connect.SuppressionServiceClient {
	return heraldv1connect.NewSuppressionServiceClient(http.DefaultClient, b.app.URL(), connect.WithInterceptors(bearer(b.key)))
}

// waitDelivery waits until the notification's delivery on channel has
// status.
func (b *testBundle) waitDelivery(t *testing.T, id string, c heraldv1.Channel, status heraldv1.DeliveryStatus) *heraldv1.Delivery {
	t.Helper()
	var d *heraldv1.Delivery
	require.Eventually(t, func() bool {
		d = deliveryOn(b.get(t, id), c)
		return d != nil && d.GetStatus() == status
	}, 15*time.Second, 20*time.Millisecond, "delivery on %s did not become %s (last: %v)", c, status, d)
	return d
}

func callTo(calls []providertest.Call, key string) providertest.Call {
	for _, c := range calls {
		if c.Key == key {
			return c
		}
	}
	return providertest.Call{}
}

// TestTwilioStatusCallbacks: Twilio's signed status callbacks (from the
// loopback Twilio, to the URL Herald gave it) confirm or bounce SMS
// deliveries; a repeat or a late "delivered" changes nothing; an invalid
// number goes on the suppression list and the next text to it is
// SUPPRESSED; a bad signature or an unknown delivery is refused.
func TestTwilioStatusCallbacks(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	b := f.start(t, publicEnv(t, nil), nil)
	b.allChannelsType(t, "otp", 3, heraldv1.Channel_CHANNEL_SMS)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Phone: "+14155550123"})
	b.upsert(t, &heraldv1.Recipient{Id: "bob", Phone: "+14155550124"})
	send := func(to string) (string, *heraldv1.Delivery, providertest.Call) {
		res := b.send(t, &heraldv1.SendRequest{MessageType: "otp", RecipientIds: []string{to}, Data: data(t, map[string]any{"order": 1})})
		d := deliveryOn(b.waitCompleted(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_SMS)
		return res.GetNotificationId(), d, callTo(f.twilio.Calls(), d.GetId())
	}

	id, d, call := send("ada")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
	require.Equal(t, b.app.URL()+"/receipts/twilio/twilio/"+d.GetId(), call.Fields["statusCallback"])
	for _, s := range []string{"sent", "delivered", "delivered"} {
		status, err := f.twilio.PostStatus(call, s, 0)
		require.NoError(t, err)
		require.Equal(t, http.StatusNoContent, status)
	}
	d = b.waitDelivery(t, id, heraldv1.Channel_CHANNEL_SMS, heraldv1.DeliveryStatus_DELIVERY_STATUS_DELIVERED)
	require.Len(t, eventsOf(d, "delivered"), 1, "a repeated callback is applied once")
	require.Equal(t, call.Fields["sid"], eventsOf(d, "delivered")[0].GetDetails().AsMap()["messageSid"])

	// Bob's number turns out to be gone: bounced, listed, and the next
	// text is not sent.
	id, d, call = send("bob")
	status, err := f.twilio.PostStatus(call, "undelivered", 30005)
	require.NoError(t, err)
	require.Equal(t, http.StatusNoContent, status)
	status, err = f.twilio.PostStatus(call, "delivered", 0) // late and out of order
	require.NoError(t, err)
	require.Equal(t, http.StatusNoContent, status)
	d = b.waitDelivery(t, id, heraldv1.Channel_CHANNEL_SMS, heraldv1.DeliveryStatus_DELIVERY_STATUS_BOUNCED)
	require.Equal(t, "bounced", d.GetReason())
	require.Empty(t, eventsOf(d, "delivered"))
	require.Len(t, eventsOf(d, "suppression_added"), 1)
	list, err := b.suppressions().ListSuppressions(b.ctx, connect.NewRequest(&heraldv1.ListSuppressionsRequest{Channel: heraldv1.Channel_CHANNEL_SMS}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetSuppressions(), 1)
	entry := list.Msg.GetSuppressions()[0]
	require.Equal(t, "+14155550124", entry.GetAddress())
	require.Equal(t, "bounced", entry.GetReason())
	require.Equal(t, d.GetId(), entry.GetDeliveryId())
	calls := len(f.twilio.Calls())
	_, again, _ := send("bob")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED, again.GetStatus())
	require.Equal(t, "bounced", again.GetReason())
	require.Len(t, f.twilio.Calls(), calls, "nothing sent to a suppressed number")

	// Refused, and not applied: a forged signature, another account's
	// token, an unknown delivery, a provider Herald does not have.
	id, d, call = send("ada")
	form := url.Values{"AccountSid": {twilioSID}, "MessageSid": {call.Fields["sid"]}, "MessageStatus": {"undelivered"}, "ErrorCode": {"30005"}}
	status, err = providertest.PostTwilioForm(call.Fields["statusCallback"], form, "forged")
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, status)
	status, err = providertest.PostTwilioForm(call.Fields["statusCallback"], form, providertest.TwilioSignature("another-token", call.Fields["statusCallback"], form))
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, status)
	unknown := b.app.URL() + "/receipts/twilio/twilio/" + uuid.NewString()
	status, err = providertest.PostTwilioForm(unknown, form, providertest.TwilioSignature(twilioToken, unknown, form))
	require.NoError(t, err)
	require.Equal(t, http.StatusNotFound, status)
	other := b.app.URL() + "/receipts/twilio/nexmo/" + d.GetId()
	status, err = providertest.PostTwilioForm(other, form, providertest.TwilioSignature(twilioToken, other, form))
	require.NoError(t, err)
	require.Equal(t, http.StatusNotFound, status)
	d = deliveryOn(b.get(t, id), heraldv1.Channel_CHANNEL_SMS)
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus(), "no refused callback was applied")
	require.Empty(t, eventsOf(d, "bounced"))
	list, err = b.suppressions().ListSuppressions(b.ctx, connect.NewRequest(&heraldv1.ListSuppressionsRequest{}))
	require.NoError(t, err)
	require.Len(t, list.Msg.GetSuppressions(), 1)
}

// sendgridEnv points Herald's SendGrid at its Event Webhook key.
func (f *fakes) sendgridEnv(t *testing.T, env map[string]string) map[string]string {
	out := publicEnv(t, map[string]string{"HERALD_SENDGRID_WEBHOOK_PUBLIC_KEY": f.sendgrid.WebhookPublicKey(), "HERALD_EMAIL_PROVIDERS": "sendgrid"})
	for k, v := range env {
		out[k] = v
	}
	return out
}

// TestSendGridBounceSuppressesTheAddress is the check: a SendGrid
// bounce event for an address makes that delivery BOUNCED and the next
// email to it SUPPRESSED with reason bounced. Delivered events confirm,
// a spam report lists the address as complained, and posts that are not
// signed with the account's key are refused.
func TestSendGridBounceSuppressesTheAddress(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	b := f.start(t, f.sendgridEnv(t, nil), nil)
	b.allChannelsType(t, "receipt", 3, heraldv1.Channel_CHANNEL_EMAIL)
	for _, r := range []string{"ada", "bob", "cy"} {
		b.upsert(t, &heraldv1.Recipient{Id: r, Email: r + "@example.com"})
	}
	hook := b.app.URL() + "/receipts/sendgrid/sendgrid"
	send := func(to string) (string, *heraldv1.Delivery, providertest.Call) {
		res := b.send(t, &heraldv1.SendRequest{MessageType: "receipt", RecipientIds: []string{to}, Data: data(t, map[string]any{"order": 1})})
		d := deliveryOn(b.waitCompleted(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_EMAIL)
		return res.GetNotificationId(), d, callTo(f.sendgrid.Calls(), d.GetId())
	}

	adaN, ada, adaCall := send("ada")
	bobN, _, bobCall := send("bob")
	cyN, _, cyCall := send("cy")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, ada.GetStatus())
	bounce := f.sendgrid.Event(adaCall, "bounce", map[string]any{"type": "bounce", "status": "5.1.1",
		"reason": "550 5.1.1 The email account that you tried to reach does not exist", "bounce_classification": "Invalid Address"})
	status, err := f.sendgrid.PostEvents(hook,
		f.sendgrid.Event(adaCall, "processed", nil), f.sendgrid.Event(adaCall, "delivered", nil), bounce,
		f.sendgrid.Event(bobCall, "delivered", nil),
		f.sendgrid.Event(cyCall, "delivered", nil), f.sendgrid.Event(cyCall, "spamreport", nil),
		map[string]any{"event": "delivered", "email": "x@example.com", "herald_delivery_id": uuid.NewString()}, // not Herald's
	)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status)
	status, err = f.sendgrid.PostEvents(hook, bounce) // SendGrid posts again
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status)

	ada = b.waitDelivery(t, adaN, heraldv1.Channel_CHANNEL_EMAIL, heraldv1.DeliveryStatus_DELIVERY_STATUS_BOUNCED)
	require.Equal(t, "bounced", ada.GetReason())
	require.Contains(t, ada.GetLastError(), "5.1.1")
	require.Len(t, eventsOf(ada, "bounced"), 1, "the repeated post changed nothing")
	require.Equal(t, "Invalid Address", eventsOf(ada, "bounced")[0].GetDetails().AsMap()["bounceClassification"])
	require.Len(t, eventsOf(ada, "suppression_added"), 1)
	b.waitDelivery(t, bobN, heraldv1.Channel_CHANNEL_EMAIL, heraldv1.DeliveryStatus_DELIVERY_STATUS_DELIVERED)
	cy := b.waitDelivery(t, cyN, heraldv1.Channel_CHANNEL_EMAIL, heraldv1.DeliveryStatus_DELIVERY_STATUS_DELIVERED)
	require.Len(t, eventsOf(cy, "complained"), 1)

	// The next email to Ada and to Cy is not sent.
	before := len(f.sendgrid.Calls())
	_, next, _ := send("ada")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SUPPRESSED, next.GetStatus())
	require.Equal(t, "bounced", next.GetReason())
	suppressed := eventsOf(next, "suppressed")
	require.Len(t, suppressed, 1)
	require.Equal(t, ada.GetId(), suppressed[0].GetDetails().AsMap()["deliveryId"], "the decision log names the bounce")
	_, next, _ = send("cy")
	require.Equal(t, "complained", next.GetReason())
	require.Len(t, f.sendgrid.Calls(), before)
	_, next, _ = send("bob")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, next.GetStatus(), "Bob was delivered, not listed")

	// Removing the entry lets mail go to Ada again.
	_, err = b.suppressions().DeleteSuppression(b.ctx, connect.NewRequest(&heraldv1.DeleteSuppressionRequest{
		Channel: heraldv1.Channel_CHANNEL_EMAIL, Address: "ADA@example.com"}))
	require.NoError(t, err)
	_, next, _ = send("ada")
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, next.GetStatus())

	// Refused: a tampered body, a post signed by another key, none at all.
	body, _ := json.Marshal([]map[string]any{f.sendgrid.Event(bobCall, "bounce", map[string]any{"type": "bounce"})})
	ts := "1700000000"
	sig := f.sendgrid.SignEvents([]byte(`[]`), ts)
	status, err = providertest.PostSendGridEvents(hook, body, sig, ts)
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, status)
	other := providertest.NewSendGrid(t, "SG.other")
	status, err = providertest.PostSendGridEvents(hook, body, other.SignEvents(body, ts), ts)
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, status)
	status, err = providertest.PostSendGridEvents(hook, body, "", "")
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_DELIVERED,
		deliveryOn(b.get(t, bobN), heraldv1.Channel_CHANNEL_EMAIL).GetStatus(), "no refused post was applied")
}

// TestWebhookReceipts: the webhook channel's receiver confirms deliveries
// at the receiptUrl of the payload, signed with the tenant's secret. A
// receipt posted while Herald is still in the call (the receiver answers
// after it) is kept when the worker records SENT.
func TestWebhookReceipts(t *testing.T) {
	t.Parallel()
	b := setupWith(t, testConfig(t, publicEnv(t, nil)))
	post := func(secret []byte, r webhook.Receipt) int {
		body, _ := json.Marshal(r)
		req, err := http.NewRequest(http.MethodPost, b.app.URL()+"/receipts/webhook", bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set(webhook.SignatureHeader, webhook.Sign(secret, time.Now(), body))
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	var receiptURL string
	inCall := make(chan int, 10)
	recv := newReceiver(t, b.tenant.SigningSecret)
	confirming := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p webhook.Payload
		_ = json.NewDecoder(r.Body).Decode(&p)
		receiptURL = p.ReceiptURL
		inCall <- post(b.tenant.SigningSecret, webhook.Receipt{DeliveryID: p.ID, Status: "delivered", ID: "r-" + p.ID})
		w.WriteHeader(http.StatusOK)
	})
	srv := newHTTPServer(t, confirming)
	b.webhookType(t, "hook")
	b.recipient(t, "ada", srv.URL)
	b.recipient(t, "bob", recv.srv.URL)

	res := b.send(t, &heraldv1.SendRequest{MessageType: "hook", RecipientIds: []string{"ada"}, Data: data(t, map[string]any{"order": 1})})
	require.Equal(t, http.StatusNoContent, <-inCall)
	require.Equal(t, b.app.URL()+"/receipts/webhook", receiptURL)
	// DELIVERED completes the notification before the worker, still in the
	// call, records it: wait for the worker's events too.
	var d *heraldv1.Delivery
	require.Eventually(t, func() bool {
		d = b.get(t, res.GetNotificationId()).GetDeliveries()[0]
		return len(eventsOf(d, "sent")) == 1
	}, 15*time.Second, 20*time.Millisecond)
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_DELIVERED, d.GetStatus(), "the receipt during the call outranks SENT")
	require.Equal(t, []string{"queued", "rendered", "delivered", "attempt", "sent"}, eventTypes(d))

	res = b.send(t, &heraldv1.SendRequest{MessageType: "hook", RecipientIds: []string{"bob"}, Data: data(t, map[string]any{"order": 2})})
	d = b.waitCompleted(t, res.GetNotificationId()).GetDeliveries()[0]
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, d.GetStatus())
	require.Equal(t, http.StatusUnauthorized, post([]byte("not the tenant's secret"), webhook.Receipt{DeliveryID: d.GetId(), Status: "bounced"}))
	require.Equal(t, http.StatusNotFound, post(b.tenant.SigningSecret, webhook.Receipt{DeliveryID: uuid.NewString(), Status: "bounced"}))
	require.Equal(t, http.StatusBadRequest, post(b.tenant.SigningSecret, webhook.Receipt{DeliveryID: d.GetId(), Status: "opened"}))
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT, deliveryOn(b.get(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_WEBHOOK).GetStatus())
	require.Equal(t, http.StatusNoContent, post(b.tenant.SigningSecret, webhook.Receipt{DeliveryID: d.GetId(), Status: "bounced", Reason: "mailbox full"}))
	d = deliveryOn(b.get(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_WEBHOOK)
	require.Equal(t, heraldv1.DeliveryStatus_DELIVERY_STATUS_BOUNCED, d.GetStatus())
	require.Equal(t, "blocked", d.GetReason())
	require.Equal(t, "mailbox full", d.GetLastError())

	// Another tenant's secret cannot confirm this tenant's deliveries.
	other, err := b.app.Store().CreateTenant(b.ctx, "other")
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, post(other.SigningSecret, webhook.Receipt{DeliveryID: d.GetId(), Status: "delivered"}))
}

func newHTTPServer(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

var trackedLink = regexp.MustCompile(`href="([^"]*/t/c/[^"]*)"`)
var pixelSrc = regexp.MustCompile(`src="([^"]*/t/o/[^"]*)"`)

// trackedType upserts an email message type with tracking and two links.
func (b *testBundle) trackedType(t *testing.T, key string, tracking *heraldv1.Tracking, variants map[string]*heraldv1.Templates) {
	t.Helper()
	_, err := b.messageTypes.UpsertMessageType(b.ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{MessageType: &heraldv1.MessageType{
		Key: key, Category: "marketing", Channels: []heraldv1.Channel{heraldv1.Channel_CHANNEL_EMAIL}, Tracking: tracking,
		Templates: &heraldv1.Templates{Email: &heraldv1.EmailTemplate{Subject: "Deals", Body: "See https://shop.example.com/deals",
			Html: `<html><body><p><a href="https://shop.example.com/deals?id={{.recipient.id}}">Deals</a> · <a href="https://shop.example.com/unsubscribe">Unsubscribe</a></p></body></html>`}},
		Variants: variants,
	}}))
	require.NoError(t, err)
}

// TestClickAndOpenTracking: a tracked email's links redirect through
// Herald, which records the click with its link; the pixel records the
// open. A link that was not in the rendered message, a forged signature
// or another delivery's link is refused without a redirect.
func TestClickAndOpenTracking(t *testing.T) {
	t.Parallel()
	f := newFakes(t)
	b := f.start(t, f.sendgridEnv(t, nil), nil)
	b.trackedType(t, "deals", &heraldv1.Tracking{Opens: true, Clicks: true}, nil)
	b.upsert(t, &heraldv1.Recipient{Id: "ada", Email: "ada@example.com"})
	res := b.send(t, &heraldv1.SendRequest{MessageType: "deals", RecipientIds: []string{"ada"}})
	d := deliveryOn(b.waitCompleted(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_EMAIL)
	sentHTML := callTo(f.sendgrid.Calls(), d.GetId()).Fields["html"]
	links := trackedLink.FindAllStringSubmatch(sentHTML, -1)
	require.Len(t, links, 2, "both links tracked: %s", sentHTML)
	require.Contains(t, callTo(f.sendgrid.Calls(), d.GetId()).Fields["body"], "https://shop.example.com/deals", "the text part keeps its link")
	deals := html.UnescapeString(links[0][1])
	require.True(t, strings.HasPrefix(deals, b.app.URL()+"/t/c/"+d.GetId()+"/"))
	get := func(u string) *http.Response {
		resp, err := noRedirect.Get(u)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}

	resp := get(deals)
	require.Equal(t, http.StatusFound, resp.StatusCode)
	require.Equal(t, "https://shop.example.com/deals?id=ada", resp.Header.Get("Location"))

	// A foreign URL with this delivery's signature, and a signature for a
	// foreign URL, are refused: no redirect.
	u, err := url.Parse(deals)
	require.NoError(t, err)
	q := u.Query()
	q.Set("u", "https://evil.example/phish")
	u.RawQuery = q.Encode()
	resp = get(u.String())
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	require.Empty(t, resp.Header.Get("Location"))
	key := tracking.Key(b.tenant.SigningSecret)
	forged := tracking.ClickURL(b.app.URL(), key, d.GetId(), "https://evil.example/phish") // even signed with the real key
	resp = get(forged)
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "not a link of the message")
	require.Empty(t, resp.Header.Get("Location"))
	resp = get(strings.Replace(deals, d.GetId(), uuid.NewString(), 1))
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	require.Empty(t, resp.Header.Get("Location"))

	pixel := html.UnescapeString(pixelSrc.FindStringSubmatch(sentHTML)[1])
	resp, err = http.Get(pixel)
	require.NoError(t, err)
	gif, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "image/gif", resp.Header.Get("Content-Type"))
	require.True(t, bytes.HasPrefix(gif, []byte("GIF89a")))
	require.Equal(t, http.StatusNotFound, get(strings.Replace(pixel, "/t/o/"+d.GetId()+"/", "/t/o/"+d.GetId()+"/AAAA", 1)).StatusCode)

	d = deliveryOn(b.get(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_EMAIL)
	clicks := eventsOf(d, "clicked")
	require.Len(t, clicks, 1, "refused clicks are not recorded")
	require.Equal(t, "https://shop.example.com/deals?id=ada", clicks[0].GetDetails().AsMap()["link"])
	require.Len(t, eventsOf(d, "opened"), 1)
	require.Len(t, eventsOf(d, "tracked"), 1)

	// A message type without tracking gets no tracking at all.
	b.trackedType(t, "quiet", nil, nil)
	res = b.send(t, &heraldv1.SendRequest{MessageType: "quiet", RecipientIds: []string{"ada"}})
	d = deliveryOn(b.waitCompleted(t, res.GetNotificationId()), heraldv1.Channel_CHANNEL_EMAIL)
	sentHTML = callTo(f.sendgrid.Calls(), d.GetId()).Fields["html"]
	require.NotContains(t, sentHTML, "/t/")
	require.Contains(t, sentHTML, `href="https://shop.example.com/deals?id=ada"`)
}
