package server

import (
	"context"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/heraldhq/herald/enqueue"
	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

type notificationHandler struct {
	store   *store.Store
	enq     *enqueue.Enqueuer
	batcher *enqueue.Batcher
}

// NewNotificationHandler returns the NotificationService implementation.
// Sends go through batcher if it is not nil (group commit), else one
// transaction each.
func NewNotificationHandler(st *store.Store, enq *enqueue.Enqueuer, batcher *enqueue.Batcher) heraldv1connect.NotificationServiceHandler {
	return &notificationHandler{store: st, enq: enq, batcher: batcher}
}

func (h *notificationHandler) Send(ctx context.Context, req *connect.Request[heraldv1.SendRequest]) (*connect.Response[heraldv1.SendResponse], error) {
	tenant := principalFrom(ctx).tenant
	var (
		res *enqueue.Result
		err error
	)
	if h.batcher != nil {
		res, err = h.batcher.Send(ctx, tenant.ID, req.Msg)
	} else {
		err = h.store.InTx(ctx, func(tx pgx.Tx) error {
			var err error
			res, err = h.enq.EnqueueTx(ctx, tx, tenant.ID, req.Msg)
			return err
		})
	}
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.SendResponse{NotificationId: res.NotificationID.String(), Duplicate: res.Duplicate}), nil
}

func (h *notificationHandler) GetNotification(ctx context.Context, req *connect.Request[heraldv1.GetNotificationRequest]) (*connect.Response[heraldv1.GetNotificationResponse], error) {
	tenant := principalFrom(ctx).tenant
	id := uuid.MustParse(req.Msg.GetNotificationId()) // validated as a UUID
	n, err := h.store.GetNotification(ctx, tenant.ID, id)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	out, err := h.withDeliveries(ctx, []*store.Notification{n}, true)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetNotificationResponse{Notification: out[0]}), nil
}

type notificationCursor struct {
	Time time.Time `json:"t"`
	ID   uuid.UUID `json:"i"`
}

func (h *notificationHandler) ListNotifications(ctx context.Context, req *connect.Request[heraldv1.ListNotificationsRequest]) (*connect.Response[heraldv1.ListNotificationsResponse], error) {
	tenant := principalFrom(ctx).tenant
	m := req.Msg
	var cur notificationCursor
	if err := decodePageToken(m.GetPageToken(), &cur); err != nil {
		return nil, err
	}
	limit := pageSize(m.GetPageSize(), 50)
	p := store.ListNotificationsParams{
		TenantID: tenant.ID, MessageType: m.GetMessageType(), RecipientID: m.GetRecipientId(),
		Status: wire.NotificationStatusFromProto(m.GetStatus()), DeliveryStatus: wire.DeliveryStatusFromProto(m.GetDeliveryStatus()),
		BeforeTime: cur.Time, BeforeID: cur.ID, Limit: limit + 1,
	}
	if m.GetStartTime() != nil {
		p.Start = m.GetStartTime().AsTime()
	}
	if m.GetEndTime() != nil {
		p.End = m.GetEndTime().AsTime()
	}
	list, err := h.store.ListNotifications(ctx, p)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListNotificationsResponse{}
	if len(list) > limit {
		list = list[:limit]
		last := list[limit-1]
		resp.NextPageToken = encodePageToken(notificationCursor{Time: last.CreatedAt, ID: last.ID})
	}
	if resp.Notifications, err = h.withDeliveries(ctx, list, false); err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(resp), nil
}

// withDeliveries converts notifications, attaching their deliveries and,
// if events is set, each delivery's timeline.
func (h *notificationHandler) withDeliveries(ctx context.Context, ns []*store.Notification, events bool) ([]*heraldv1.Notification, error) {
	ids := make([]uuid.UUID, len(ns))
	out := make([]*heraldv1.Notification, len(ns))
	byID := make(map[uuid.UUID]*heraldv1.Notification, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
		out[i] = wire.NotificationToProto(n)
		byID[n.ID] = out[i]
	}
	if len(ns) == 0 {
		return out, nil
	}
	deliveries, err := h.store.ListDeliveries(ctx, ids)
	if err != nil {
		return nil, err
	}
	byDelivery := make(map[uuid.UUID]*heraldv1.Delivery, len(deliveries))
	for _, d := range deliveries {
		pd := wire.DeliveryToProto(d)
		byDelivery[d.ID] = pd
		byID[d.NotificationID].Deliveries = append(byID[d.NotificationID].Deliveries, pd)
	}
	if !events {
		return out, nil
	}
	for _, n := range ns {
		evs, err := h.store.ListNotificationEvents(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		for i := range evs {
			if d := byDelivery[evs[i].DeliveryID]; d != nil {
				d.Events = append(d.Events, wire.EventToProto(&evs[i]))
			}
		}
	}
	return out, nil
}

func (h *notificationHandler) CancelNotification(ctx context.Context, req *connect.Request[heraldv1.CancelNotificationRequest]) (*connect.Response[heraldv1.CancelNotificationResponse], error) {
	p := principalFrom(ctx)
	id := uuid.MustParse(req.Msg.GetNotificationId()) // validated as a UUID
	resp := &heraldv1.CancelNotificationResponse{}
	err := h.store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		if _, err := q.GetNotification(ctx, p.tenant.ID, id); err != nil {
			return err
		}
		// Lock against a fan-out chunk in flight, so every delivery it
		// creates is either canceled here or never created.
		if _, err := q.LockNotification(ctx, id); err != nil {
			return err
		}
		if err := q.MarkNotificationCanceled(ctx, p.tenant.ID, id, p.keyName); err != nil {
			return err
		}
		canceled, err := q.CancelPendingDeliveries(ctx, id)
		if err != nil {
			return err
		}
		events := make([]store.Event, len(canceled))
		wasCanceled := make(map[uuid.UUID]bool, len(canceled))
		for i, d := range canceled {
			wasCanceled[d.ID] = true
			resp.CanceledDeliveryIds = append(resp.CanceledDeliveryIds, d.ID.String())
			events[i] = store.Event{
				TenantID: d.TenantID, NotificationID: d.NotificationID, DeliveryID: d.ID, Type: store.EventCanceled,
				Status: store.DeliveryCanceled, Reason: store.ReasonCanceled, Message: "canceled by " + p.keyName,
			}
		}
		if err := q.InsertEvents(ctx, events); err != nil {
			return err
		}
		all, err := q.ListDeliveries(ctx, []uuid.UUID{id})
		if err != nil {
			return err
		}
		for _, d := range all {
			if !wasCanceled[d.ID] {
				resp.GoneDeliveryIds = append(resp.GoneDeliveryIds, d.ID.String())
			}
		}
		return nil
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	n, err := h.store.GetNotification(ctx, p.tenant.ID, id)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	out, err := h.withDeliveries(ctx, []*store.Notification{n}, false)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp.Notification = out[0]
	return connect.NewResponse(resp), nil
}
