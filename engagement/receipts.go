package engagement

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/heraldhq/herald/providers/sendgrid"
	"github.com/heraldhq/herald/providers/twilio"
	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/store"
)

// twilio takes a status callback: POST /receipts/twilio/{provider}/{delivery},
// the StatusCallback URL the provider gave the message, signed with the
// provider's auth token over Herald's public URL of the request.
func (h *Handler) twilio(w http.ResponseWriter, r *http.Request) {
	q := h.begin(r, "twilio")
	defer q.end()
	ctx := q.ctx
	name := r.PathValue("provider")
	p, _ := h.opts.Providers.Named(name).(*twilio.Provider)
	if p == nil {
		q.refuse(w, r, http.StatusNotFound, "refused", "no Twilio provider named "+name)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		q.refuse(w, r, http.StatusBadRequest, "refused", "not a form")
		return
	}
	if !p.VerifyCallback(h.opts.PublicURL+r.URL.RequestURI(), r.PostForm, r.Header.Get(twilio.SignatureHeader)) {
		q.refuse(w, r, http.StatusUnauthorized, "refused", "bad X-Twilio-Signature", "provider", name)
		return
	}
	cb := twilio.ParseStatusCallback(r.PostForm)
	if cb.AccountSID != p.AccountSID() {
		q.refuse(w, r, http.StatusUnauthorized, "refused", "callback of another Twilio account", "provider", name)
		return
	}
	del, err := h.delivery(ctx, r.PathValue("delivery"), store.ChannelSMS, name)
	if errors.Is(err, errUnknownDelivery) {
		q.refuse(w, r, http.StatusNotFound, "unknown_delivery", "no SMS delivery of this provider with that id", "provider", name)
		return
	}
	if err != nil {
		q.fail(w, err)
		return
	}
	details := map[string]any{"messageSid": cb.MessageSID, "status": cb.Status}
	var outcome store.ReceiptOutcome
	switch cb.Outcome() {
	case twilio.Delivered:
		outcome, err = h.applyReceipt(ctx, store.Receipt{DeliveryID: del.ID, Status: store.DeliveryDelivered, Provider: name,
			ReceiptID: receiptID(cb.MessageSID, cb.Status), Details: details}, "", nil)
	case twilio.Undeliverable:
		reason, list := store.ReasonBlocked, ""
		if cb.InvalidNumber() {
			reason, list = store.ReasonBounced, store.ReasonBounced
		}
		details["errorCode"] = cb.ErrorCode
		outcome, err = h.applyReceipt(ctx, store.Receipt{DeliveryID: del.ID, Status: store.DeliveryBounced, Reason: reason, Provider: name,
			Message: fmt.Sprintf("Twilio: %s, error %d", cb.Status, cb.ErrorCode), ReceiptID: receiptID(cb.MessageSID, cb.Status),
			Details: details}, list, map[string]any{"errorCode": cb.ErrorCode})
	case twilio.Read:
		outcome, err = h.engage(q, del, store.Engagement{DeliveryID: del.ID, Type: store.EventRead, Provider: name,
			ReceiptID: receiptID(cb.MessageSID, cb.Status), Details: details}, true)
	default:
		// queued, sending, sent, accepted: nothing to record.
	}
	if err != nil {
		q.fail(w, err)
		return
	}
	q.outcome = describeOutcome(outcome)
	q.count(q.outcome)
	w.WriteHeader(http.StatusNoContent)
}

// engage records an engagement event a provider reported, if the message
// type tracks it (opens when open, else clicks).
func (h *Handler) engage(q *request, del *store.Delivery, e store.Engagement, open bool) (store.ReceiptOutcome, error) {
	opens, clicks, err := h.tracking(q.ctx, del)
	if err != nil {
		return "", err
	}
	if (open && !opens) || (!open && !clicks) {
		return "", nil // not tracked: dropped
	}
	recorded, err := h.recordEngagement(q.ctx, del, e, q.source)
	if err != nil || !recorded {
		return store.ReceiptDuplicate, err
	}
	return store.ReceiptApplied, nil
}

// sendgrid takes an Event Webhook post: POST /receipts/sendgrid/{provider},
// a JSON array of events signed with the account's Event Webhook key.
// Each event names its delivery in the herald_delivery_id custom argument;
// events of unknown deliveries are logged and skipped, and the post is
// answered 200 so that SendGrid does not retry the others. A failure of
// Herald's own answers 500: SendGrid posts the batch again, and repeated
// events (by sg_event_id) change nothing.
func (h *Handler) sendgrid(w http.ResponseWriter, r *http.Request) {
	q := h.begin(r, "sendgrid")
	defer q.end()
	name := r.PathValue("provider")
	p, _ := h.opts.Providers.Named(name).(*sendgrid.Provider)
	if p == nil {
		q.refuse(w, r, http.StatusNotFound, "refused", "no SendGrid provider named "+name)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 8<<20))
	if err != nil {
		q.refuse(w, r, http.StatusRequestEntityTooLarge, "refused", "body too large")
		return
	}
	switch err := p.VerifyEvents(body, r.Header.Get(sendgrid.SignatureHeader), r.Header.Get(sendgrid.TimestampHeader)); {
	case errors.Is(err, sendgrid.ErrNoPublicKey):
		q.refuse(w, r, http.StatusUnauthorized, "refused", "no webhook public key is configured for "+name+
			" (HERALD_SENDGRID_WEBHOOK_PUBLIC_KEY or webhook_public_key)", "provider", name)
		return
	case err != nil:
		q.refuse(w, r, http.StatusUnauthorized, "refused", "bad event webhook signature", "provider", name)
		return
	}
	events, err := sendgrid.ParseEvents(body)
	if err != nil {
		q.refuse(w, r, http.StatusBadRequest, "refused", "not a JSON array of events")
		return
	}
	for _, ev := range events {
		outcome, err := h.sendgridEvent(q, name, ev)
		if errors.Is(err, errUnknownDelivery) {
			q.count("unknown_delivery")
			h.opts.Logger.WarnContext(q.ctx, "receipt refused", "source", q.source, "why", "no email delivery of this provider with that id",
				"provider", name, "event", ev.Event, "delivery_id", ev.DeliveryID)
			continue
		}
		if err != nil {
			q.fail(w, err)
			return
		}
		q.count(describeOutcome(outcome))
	}
	w.WriteHeader(http.StatusOK)
}

func (h *Handler) sendgridEvent(q *request, provider string, ev sendgrid.Event) (store.ReceiptOutcome, error) {
	switch ev.Event {
	case "delivered", "bounce", "dropped", "open", "click", "spamreport":
	default:
		return "", nil // processed, deferred, unsubscribes: nothing to record
	}
	if ev.DeliveryID == "" {
		return "", errUnknownDelivery // not a message Herald sent
	}
	del, err := h.delivery(q.ctx, ev.DeliveryID, store.ChannelEmail, provider)
	if err != nil {
		return "", err
	}
	details := map[string]any{"event": ev.Event}
	for k, v := range map[string]string{"sgEventId": ev.SGEventID, "sgMessageId": ev.SGMessageID, "type": ev.Type,
		"smtpStatus": ev.Status, "bounceClassification": ev.BounceClassification} {
		if v != "" {
			details[k] = v
		}
	}
	var at *time.Time
	if ev.Timestamp > 0 {
		t := time.Unix(ev.Timestamp, 0)
		at = &t
		details["eventTime"] = t.UTC().Format(time.RFC3339)
	}
	id := ""
	if ev.SGEventID != "" {
		id = receiptID("sendgrid", ev.SGEventID)
	}
	switch ev.Event {
	case "delivered":
		return h.applyReceipt(q.ctx, store.Receipt{DeliveryID: del.ID, Status: store.DeliveryDelivered, Provider: provider,
			ReceiptID: id, Details: details}, "", nil)
	case "bounce", "dropped":
		reason, list := store.ReasonBlocked, ""
		if ev.Event == "dropped" {
			reason = store.ReasonDropped
		}
		switch {
		case ev.Complaint():
			list = store.ReasonComplained
		case ev.HardBounce():
			list = store.ReasonBounced
			if ev.Event == "bounce" {
				reason = store.ReasonBounced
			}
		}
		return h.applyReceipt(q.ctx, store.Receipt{DeliveryID: del.ID, Status: store.DeliveryBounced, Reason: reason, Provider: provider,
			Message: ev.Reason, ReceiptID: id, Details: details}, list, map[string]any{"event": ev.Event, "type": ev.Type, "reason": ev.Reason})
	case "spamreport":
		recorded, err := h.recordEngagement(q.ctx, del, store.Engagement{DeliveryID: del.ID, Type: store.EventComplained, Provider: provider,
			Message: "reported as spam", At: at, ReceiptID: id, Details: details}, q.source)
		if err != nil || !recorded {
			return store.ReceiptDuplicate, err
		}
		return store.ReceiptApplied, nil
	case "open":
		return h.engage(q, del, store.Engagement{DeliveryID: del.ID, Type: store.EventOpened, Provider: provider, At: at,
			ReceiptID: id, Details: details}, true)
	default: // click
		return h.engage(q, del, store.Engagement{DeliveryID: del.ID, Type: store.EventClicked, Provider: provider, At: at,
			Link: ev.URL, ReceiptID: id, Details: details}, false)
	}
}

// webhook takes a webhook receiver's receipt: POST /receipts/webhook with
// a webhook.Receipt, signed (Herald-Signature) with the tenant's signing
// secret like the webhook it confirms.
func (h *Handler) webhook(w http.ResponseWriter, r *http.Request) {
	q := h.begin(r, "webhook")
	defer q.end()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
	if err != nil {
		q.refuse(w, r, http.StatusRequestEntityTooLarge, "refused", "body too large")
		return
	}
	var rc webhook.Receipt
	if err := json.Unmarshal(body, &rc); err != nil {
		q.refuse(w, r, http.StatusBadRequest, "refused", "not a receipt: want {\"deliveryId\", \"status\"}")
		return
	}
	if rc.Status != webhook.ReceiptDelivered && rc.Status != webhook.ReceiptBounced {
		q.refuse(w, r, http.StatusBadRequest, "refused", `status must be "delivered" or "bounced"`)
		return
	}
	if len(rc.Reason) > 200 || len(rc.ID) > 200 {
		q.refuse(w, r, http.StatusBadRequest, "refused", "reason and id are at most 200 bytes")
		return
	}
	del, err := h.delivery(q.ctx, rc.DeliveryID, store.ChannelWebhook, "")
	if errors.Is(err, errUnknownDelivery) {
		q.refuse(w, r, http.StatusNotFound, "unknown_delivery", "no webhook delivery with that id", "delivery_id", rc.DeliveryID)
		return
	}
	if err != nil {
		q.fail(w, err)
		return
	}
	tenant, err := h.tenant(q.ctx, del.TenantID)
	if err != nil {
		q.fail(w, err)
		return
	}
	if err := webhook.Verify(tenant.SigningSecret, r.Header.Get(webhook.SignatureHeader), body, h.opts.Now(), 0); err != nil {
		q.refuse(w, r, http.StatusUnauthorized, "refused", "bad Herald-Signature: "+err.Error(), "delivery_id", rc.DeliveryID)
		return
	}
	receipt := store.Receipt{DeliveryID: del.ID, Status: store.DeliveryDelivered, Provider: "webhook", Details: map[string]any{"status": rc.Status}}
	if rc.ID != "" {
		receipt.ReceiptID = receiptID("webhook", rc.ID)
	}
	if rc.Status == webhook.ReceiptBounced {
		receipt.Status, receipt.Reason, receipt.Message = store.DeliveryBounced, store.ReasonBlocked, rc.Reason
	}
	outcome, err := h.applyReceipt(q.ctx, receipt, "", nil)
	if err != nil {
		q.fail(w, err)
		return
	}
	q.outcome = describeOutcome(outcome)
	q.count(q.outcome)
	w.WriteHeader(http.StatusNoContent)
}
