package server

import (
	"context"
	"errors"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"go.opentelemetry.io/otel/metric"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

// watchBatch is how many new items WatchInbox reads per query.
const watchBatch = 100

type inboxHandler struct {
	store    *store.Store
	listener *store.Listener
}

// NewInboxHandler returns the InboxService implementation. Every call acts
// on the inbox token's recipient only. WatchInbox streams through listener,
// which must be running on store.InboxChannel.
func NewInboxHandler(st *store.Store, listener *store.Listener) heraldv1connect.InboxServiceHandler {
	return &inboxHandler{store: st, listener: listener}
}

var inboxFilters = map[heraldv1.InboxFilter]store.InboxFilter{
	heraldv1.InboxFilter_INBOX_FILTER_UNSPECIFIED: store.InboxUnarchived,
	heraldv1.InboxFilter_INBOX_FILTER_UNREAD:      store.InboxUnread,
	heraldv1.InboxFilter_INBOX_FILTER_READ:        store.InboxRead,
	heraldv1.InboxFilter_INBOX_FILTER_ARCHIVED:    store.InboxArchived,
	heraldv1.InboxFilter_INBOX_FILTER_ALL:         store.InboxAll,
}

// inboxCursor is a ListInbox page token: the position and the filter it
// belongs to.
type inboxCursor struct {
	Time   time.Time         `json:"t"`
	ID     uuid.UUID         `json:"i"`
	Filter store.InboxFilter `json:"f,omitempty"`
}

func (h *inboxHandler) ListInbox(ctx context.Context, req *connect.Request[heraldv1.ListInboxRequest]) (*connect.Response[heraldv1.ListInboxResponse], error) {
	p := principalFrom(ctx)
	filter := inboxFilters[req.Msg.GetFilter()]
	var cur inboxCursor
	if err := decodePageToken(req.Msg.GetPageToken(), &cur); err != nil {
		return nil, err
	}
	if req.Msg.GetPageToken() != "" && cur.Filter != filter {
		return nil, invalidArgument("page_token", "belongs to another filter; start again without a page token")
	}
	limit := pageSize(req.Msg.GetPageSize(), 20)
	items, err := h.store.ListInbox(ctx, store.ListInboxParams{
		TenantID: p.tenant.ID, RecipientID: p.recipientID, Filter: filter,
		BeforeTime: cur.Time, BeforeID: cur.ID, Limit: limit + 1,
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListInboxResponse{}
	if len(items) > limit {
		items = items[:limit]
		last := items[limit-1]
		resp.NextPageToken = encodePageToken(inboxCursor{Time: last.CreatedAt, ID: last.ID, Filter: filter})
	}
	for _, it := range items {
		resp.Items = append(resp.Items, inboxItemToProto(it))
	}
	return connect.NewResponse(resp), nil
}

// change marks the recipient's items with ids read (or archived; nil ids
// means all) and reads the unread count in the same transaction.
func (h *inboxHandler) change(ctx context.Context, ids []uuid.UUID, archive bool) (int64, error) {
	p := principalFrom(ctx)
	var unread int64
	err := h.store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		mark := q.MarkInboxRead
		if archive {
			mark = q.ArchiveInboxItems
		}
		if _, err := mark(ctx, p.tenant.ID, p.recipientID, ids); err != nil {
			return err
		}
		var err error
		unread, err = q.InboxUnreadCount(ctx, p.tenant.ID, p.recipientID)
		return err
	})
	if err != nil {
		return 0, toConnectError(ctx, err)
	}
	return unread, nil
}

func (h *inboxHandler) MarkRead(ctx context.Context, req *connect.Request[heraldv1.MarkReadRequest]) (*connect.Response[heraldv1.MarkReadResponse], error) {
	unread, err := h.change(ctx, parseUUIDs(req.Msg.GetItemIds()), false)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&heraldv1.MarkReadResponse{UnreadCount: unread}), nil
}

func (h *inboxHandler) MarkAllRead(ctx context.Context, _ *connect.Request[heraldv1.MarkAllReadRequest]) (*connect.Response[heraldv1.MarkAllReadResponse], error) {
	unread, err := h.change(ctx, nil, false)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&heraldv1.MarkAllReadResponse{UnreadCount: unread}), nil
}

func (h *inboxHandler) Archive(ctx context.Context, req *connect.Request[heraldv1.ArchiveRequest]) (*connect.Response[heraldv1.ArchiveResponse], error) {
	unread, err := h.change(ctx, parseUUIDs(req.Msg.GetItemIds()), true)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&heraldv1.ArchiveResponse{UnreadCount: unread}), nil
}

func (h *inboxHandler) UnreadCount(ctx context.Context, _ *connect.Request[heraldv1.UnreadCountRequest]) (*connect.Response[heraldv1.UnreadCountResponse], error) {
	p := principalFrom(ctx)
	n, err := h.store.InboxUnreadCount(ctx, p.tenant.ID, p.recipientID)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UnreadCountResponse{Count: n}), nil
}

// WatchInbox first sends the current unread count, then every item
// committed after that and every change of the count, until the client
// leaves, the token expires (Unauthenticated) or the server shuts down
// (Unavailable). A client lists the inbox after the first message and
// drops items it already has.
//
// Wake-ups come from the process's one Listener and coalesce; each one
// reads what changed since the last. A client that reads slowly holds up
// only its own stream: Send blocks on flow control while further wake-ups
// fold into one.
func (h *inboxHandler) WatchInbox(ctx context.Context, _ *connect.Request[heraldv1.WatchInboxRequest], stream *connect.ServerStream[heraldv1.WatchInboxResponse]) error {
	p := principalFrom(ctx)
	sub := h.listener.Subscribe(store.InboxKey(p.tenant.ID, p.recipientID))
	defer sub.Close()

	var cur store.InboxCursor
	if _, err := h.store.InboxItemsSince(ctx, p.tenant.ID, p.recipientID, &cur, watchBatch); err != nil {
		return toConnectError(ctx, err)
	}
	unread, err := h.store.InboxUnreadCount(ctx, p.tenant.ID, p.recipientID)
	if err != nil {
		return toConnectError(ctx, err)
	}
	if err := stream.Send(&heraldv1.WatchInboxResponse{UnreadCount: unread}); err != nil {
		return err
	}
	expiry := time.NewTimer(time.Until(p.expires))
	defer expiry.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-sub.Done():
			return connect.NewError(connect.CodeUnavailable, errors.New("server shutting down; reconnect"))
		case <-expiry.C:
			return connect.NewError(connect.CodeUnauthenticated, errors.New("inbox token expired"))
		case <-sub.C():
		}
		for {
			items, err := h.store.InboxItemsSince(ctx, p.tenant.ID, p.recipientID, &cur, watchBatch)
			if err != nil {
				return toConnectError(ctx, err)
			}
			n, err := h.store.InboxUnreadCount(ctx, p.tenant.ID, p.recipientID)
			if err != nil {
				return toConnectError(ctx, err)
			}
			for _, it := range items {
				if err := stream.Send(&heraldv1.WatchInboxResponse{Item: inboxItemToProto(it), UnreadCount: n}); err != nil {
					return err
				}
			}
			if len(items) == 0 && n != unread {
				if err := stream.Send(&heraldv1.WatchInboxResponse{UnreadCount: n}); err != nil {
					return err
				}
			}
			unread = n
			if len(items) < watchBatch {
				break
			}
		}
	}
}

func inboxItemToProto(it *store.InboxItem) *heraldv1.InboxItem {
	return &heraldv1.InboxItem{
		Id: it.ID.String(), NotificationId: it.NotificationID.String(), Title: it.Title, Body: it.Body, Link: it.Link,
		Read: it.ReadAt != nil, Archived: it.ArchivedAt != nil, CreateTime: timestamppb.New(it.CreatedAt),
		MessageType: it.MessageType,
	}
}

// parseUUIDs parses ids the validator has already checked.
func parseUUIDs(ids []string) []uuid.UUID {
	out := make([]uuid.UUID, len(ids))
	for i, id := range ids {
		out[i] = uuid.MustParse(id)
	}
	return out
}

// registerInboxMetrics reports the listener's health: open watch streams
// and lost connections.
func registerInboxMetrics(mp metric.MeterProvider, l *store.Listener) error {
	meter := mp.Meter("github.com/heraldhq/herald/server")
	watchers, err := meter.Int64ObservableGauge("herald_inbox_watchers",
		metric.WithDescription("Open WatchInbox streams in this process."))
	if err != nil {
		return err
	}
	reconnects, err := meter.Int64ObservableCounter("herald_inbox_listener_reconnects",
		metric.WithDescription("Times the inbox listener lost its Postgres connection and reconnected."))
	if err != nil {
		return err
	}
	connected, err := meter.Int64ObservableGauge("herald_inbox_listener_connected",
		metric.WithDescription("1 while the inbox listener is LISTENing, 0 while it reconnects."))
	if err != nil {
		return err
	}
	_, err = meter.RegisterCallback(func(_ context.Context, o metric.Observer) error {
		o.ObserveInt64(watchers, int64(l.Subscribers()))
		o.ObserveInt64(reconnects, l.Reconnects())
		up := int64(0)
		if l.Connected() {
			up = 1
		}
		o.ObserveInt64(connected, up)
		return nil
	}, watchers, reconnects, connected)
	return err
}
