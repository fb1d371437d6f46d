package server

import (
	"context"
	"errors"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

// tracks reports whether del's message type version tracks opens (open)
// or clicks.
func tracks(ctx context.Context, st *store.Store, del *store.Delivery, open bool) (bool, error) {
	mt, err := st.GetMessageType(ctx, del.TenantID, del.MessageType, del.MessageTypeVersion)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if open {
		return mt.TracksOpens(), nil
	}
	return mt.TracksClicks(), nil
}

// ReportClick records a click on an inbox item's link, when its message
// type tracks clicks.
func (h *inboxHandler) ReportClick(ctx context.Context, req *connect.Request[heraldv1.ReportClickRequest]) (*connect.Response[heraldv1.ReportClickResponse], error) {
	p := principalFrom(ctx)
	item, err := h.store.GetInboxItem(ctx, p.tenant.ID, p.recipientID, uuid.MustParse(req.Msg.GetItemId()))
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	link := req.Msg.GetLink()
	switch {
	case item.Link == "":
		return nil, invalidArgument("item_id", "the item has no link")
	case link == "":
		link = item.Link
	case link != item.Link:
		return nil, invalidArgument("link", "is not the item's link")
	}
	del, err := h.store.GetDelivery(ctx, item.DeliveryID)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	ok, err := tracks(ctx, h.store, del, false)
	if err != nil || !ok {
		return connect.NewResponse(&heraldv1.ReportClickResponse{}), toConnectErrorOrNil(ctx, err)
	}
	if _, err := h.store.RecordEngagement(ctx, store.Engagement{DeliveryID: del.ID, Type: store.EventClicked, Link: link,
		Provider: "inbox", Details: map[string]any{"source": "inbox", "itemId": item.ID.String()}}); err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.ReportClickResponse{Recorded: true}), nil
}

func toConnectErrorOrNil(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	return toConnectError(ctx, err)
}

type engagementHandler struct {
	store *store.Store
	now   func() time.Time
}

// NewEngagementHandler returns the EngagementService implementation. With
// an inbox token it acts on that token's recipient's deliveries only.
func NewEngagementHandler(st *store.Store, now func() time.Time) heraldv1connect.EngagementServiceHandler {
	if now == nil {
		now = time.Now
	}
	return &engagementHandler{store: st, now: now}
}

// ReportPushOpen records an opened event on a push delivery, when its
// message type tracks opens. An open time in the future, or before the
// delivery, is InvalidArgument.
func (h *engagementHandler) ReportPushOpen(ctx context.Context, req *connect.Request[heraldv1.ReportPushOpenRequest]) (*connect.Response[heraldv1.ReportPushOpenResponse], error) {
	p := principalFrom(ctx)
	del, err := h.store.GetDelivery(ctx, uuid.MustParse(req.Msg.GetDeliveryId()))
	if err == nil && (del.TenantID != p.tenant.ID || del.Channel != store.ChannelPush ||
		(p.recipientID != "" && del.RecipientID != p.recipientID)) {
		err = store.ErrNotFound // another tenant's or recipient's, or no push: never said which
	}
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	details := map[string]any{"source": "app"}
	var at *time.Time
	if t := req.Msg.GetOpenTime(); t != nil {
		v := t.AsTime()
		if v.After(h.now().Add(5*time.Minute)) || v.Before(del.CreatedAt.Add(-time.Minute)) {
			return nil, invalidArgument("open_time", "must be between the delivery's creation and now")
		}
		at = &v
	}
	ok, err := tracks(ctx, h.store, del, true)
	if err != nil || !ok {
		return connect.NewResponse(&heraldv1.ReportPushOpenResponse{}), toConnectErrorOrNil(ctx, err)
	}
	if _, err := h.store.RecordEngagement(ctx, store.Engagement{DeliveryID: del.ID, Type: store.EventOpened, At: at,
		Provider: del.Provider, Details: details}); err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.ReportPushOpenResponse{Recorded: true}), nil
}
