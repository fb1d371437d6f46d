package engagement

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/tracking"
)

// gif is a transparent 1x1 GIF.
var gif = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// open serves the open pixel, GET /t/o/{delivery}/{sig}.gif, and records
// an opened event when the signature is the delivery's. Mail clients and
// privacy proxies load images on their own, so opens are an
// approximation; every load is an event, and GetStats counts the
// delivery once.
func (h *Handler) open(w http.ResponseWriter, r *http.Request) {
	q := h.begin(r, "pixel")
	defer q.end()
	sig, ok := strings.CutSuffix(r.PathValue("file"), ".gif")
	if !ok {
		q.refuse(w, r, http.StatusNotFound, "refused", "not a tracking pixel")
		return
	}
	del, key, err := h.tracked(q, r.PathValue("delivery"))
	if errors.Is(err, errUnknownDelivery) {
		q.refuse(w, r, http.StatusNotFound, "unknown_delivery", "not a tracking pixel")
		return
	}
	if err != nil {
		q.fail(w, err)
		return
	}
	if !tracking.ValidOpen(key, del.ID.String(), sig) {
		q.refuse(w, r, http.StatusNotFound, "refused", "not a tracking pixel (bad signature)", "delivery_id", del.ID)
		return
	}
	if _, err := h.recordEngagement(q.ctx, del, store.Engagement{DeliveryID: del.ID, Type: store.EventOpened,
		Details: map[string]any{"source": "pixel"}}, q.source); err != nil {
		q.fail(w, err)
		return
	}
	q.count("applied")
	hd := w.Header()
	hd.Set("Content-Type", "image/gif")
	hd.Set("Cache-Control", "no-store, max-age=0")
	w.Write(gif) //nolint:errcheck // the client may have gone
}

// click serves a tracked link, GET /t/c/{delivery}/{sig}?u=<link>: it
// records a clicked event with the link and redirects there, but only when
// the signature is the delivery's for that link and the link is one of
// the rendered message's. Anything else is refused without a redirect, so
// the endpoint cannot send anyone elsewhere. A failure to record still
// redirects: the reader came for the page.
func (h *Handler) click(w http.ResponseWriter, r *http.Request) {
	q := h.begin(r, "redirect")
	defer q.end()
	link := r.URL.Query().Get("u")
	del, key, err := h.tracked(q, r.PathValue("delivery"))
	if errors.Is(err, errUnknownDelivery) {
		q.refuse(w, r, http.StatusNotFound, "unknown_delivery", "this link is not valid")
		return
	}
	if err != nil {
		q.fail(w, err)
		return
	}
	if !tracking.ValidClick(key, del.ID.String(), link, r.PathValue("sig")) {
		q.refuse(w, r, http.StatusForbidden, "refused", "this link is not valid (bad signature)", "delivery_id", del.ID)
		return
	}
	if del.Content == nil || !slices.Contains(del.Content.Links, link) || !tracking.Trackable(link) {
		q.refuse(w, r, http.StatusForbidden, "refused", "this link is not valid (not a link of the message)", "delivery_id", del.ID)
		return
	}
	if _, err := h.recordEngagement(q.ctx, del, store.Engagement{DeliveryID: del.ID, Type: store.EventClicked, Link: link,
		Details: map[string]any{"source": "redirect"}}, q.source); err != nil {
		q.outcome = "error"
		q.count("error")
		h.opts.Logger.ErrorContext(q.ctx, "click not recorded", "delivery_id", del.ID, "error", err)
	} else {
		q.count("applied")
	}
	w.Header().Set("Cache-Control", "no-store, max-age=0")
	w.Header().Set("Referrer-Policy", "no-referrer")
	http.Redirect(w, r, link, http.StatusFound)
}

// tracked returns an email delivery named by a tracking link, and its
// tenant's tracking key.
func (h *Handler) tracked(q *request, id string) (*store.Delivery, []byte, error) {
	del, err := h.delivery(q.ctx, id, store.ChannelEmail, "")
	if err != nil {
		return nil, nil, err
	}
	t, err := h.tenant(q.ctx, del.TenantID)
	if err != nil {
		return nil, nil, err
	}
	return del, tracking.Key(t.SigningSecret), nil
}
