package server

import (
	"context"
	"strconv"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

// DefaultStatsRange is the time range GetStats counts when the request
// gives no start.
const DefaultStatsRange = 30 * 24 * time.Hour

type analyticsHandler struct {
	store *store.Store
	now   func() time.Time
}

// NewAnalyticsHandler returns the AnalyticsService implementation.
func NewAnalyticsHandler(st *store.Store, now func() time.Time) heraldv1connect.AnalyticsServiceHandler {
	if now == nil {
		now = time.Now
	}
	return &analyticsHandler{store: st, now: now}
}

func (h *analyticsHandler) GetStats(ctx context.Context, req *connect.Request[heraldv1.GetStatsRequest]) (*connect.Response[heraldv1.GetStatsResponse], error) {
	p := principalFrom(ctx)
	m := req.Msg
	end := h.now()
	if m.GetEndTime() != nil {
		end = m.GetEndTime().AsTime()
	}
	start := end.Add(-DefaultStatsRange)
	if m.GetStartTime() != nil {
		start = m.GetStartTime().AsTime()
	}
	if !end.After(start) {
		return nil, invalidArgument("start_time", "must be before end_time (which defaults to now)")
	}
	rows, err := h.store.Stats(ctx, store.StatsParams{
		TenantID: p.tenant.ID, Start: start, End: end, MessageType: m.GetMessageType(),
		Channel: wire.ChannelFromProto(m.GetChannel()), Variant: m.GetVariant(), VariantSet: m.GetVariant() != "",
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.GetStatsResponse{StartTime: timestamppb.New(start), EndTime: timestamppb.New(end)}
	for _, r := range rows {
		resp.Rows = append(resp.Rows, statsRowToProto(r))
	}
	return connect.NewResponse(resp), nil
}

func statsRowToProto(r *store.StatsRow) *heraldv1.StatsRow {
	out := &heraldv1.StatsRow{
		MessageType: r.MessageType, Channel: wire.ChannelToProto(r.Channel), Variant: r.Variant,
		Deliveries: r.Deliveries, Sent: r.Sent, Delivered: r.Delivered, Bounced: r.Bounced, Failed: r.Failed,
		Opened: r.Opened, Clicked: r.Clicked, Complained: r.Complained,
	}
	if len(r.Suppressed) > 0 {
		out.Suppressed = r.Suppressed
	}
	if r.Sent > 0 {
		sent := float64(r.Sent)
		out.DeliveryRate, out.OpenRate, out.ClickRate = float64(r.Delivered)/sent, float64(r.Opened)/sent, float64(r.Clicked)/sent
	}
	return out
}

// feedToken is a ListEvents page token: the feed position after the last
// event returned.
type feedToken struct {
	XID uint64 `json:"x,string"`
	ID  int64  `json:"i"`
}

// ListEvents pages through the tenant's event feed (store.EventFeed) in
// commit order. The next page token is always set: at the end of the
// feed it is where the feed stands, to ask again later.
func (h *analyticsHandler) ListEvents(ctx context.Context, req *connect.Request[heraldv1.ListEventsRequest]) (*connect.Response[heraldv1.ListEventsResponse], error) {
	p := principalFrom(ctx)
	var tok feedToken
	if err := decodePageToken(req.Msg.GetPageToken(), &tok); err != nil {
		return nil, err
	}
	cursor := store.FeedCursor{XID: tok.XID, ID: tok.ID}
	events, err := h.store.EventFeed(ctx, p.tenant.ID, cursor, pageSize(req.Msg.GetPageSize(), 100))
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListEventsResponse{Events: make([]*heraldv1.Event, 0, len(events))}
	for i := range events {
		e := &events[i]
		resp.Events = append(resp.Events, &heraldv1.Event{
			Id: strconv.FormatInt(e.ID, 10), NotificationId: e.NotificationID.String(), DeliveryId: e.DeliveryID.String(),
			RecipientId: e.RecipientID, Channel: wire.ChannelToProto(e.Channel), Type: e.Type, Time: timestamppb.New(e.CreatedAt),
			Reason: e.Reason, Details: wire.StructFromMap(e.Details), Status: wire.DeliveryStatusToProto(e.Status),
			Provider: e.Provider, Message: e.Message, Attempt: int32(e.Attempt), ResponseCode: int32(e.ResponseCode),
		})
		cursor = e.Cursor
	}
	resp.NextPageToken = encodePageToken(feedToken{XID: cursor.XID, ID: cursor.ID})
	return connect.NewResponse(resp), nil
}
