package server

import (
	"context"
	"errors"
	"slices"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

type operatorHandler struct {
	store *store.Store
	lanes []string
}

// NewOperatorHandler returns the OperatorService implementation. lanes are
// the queue names always reported, even when empty.
func NewOperatorHandler(st *store.Store, lanes []string) heraldv1connect.OperatorServiceHandler {
	return &operatorHandler{store: st, lanes: slices.Sorted(slices.Values(lanes))}
}

// requireOperator refuses callers whose API key lacks the operator role.
func requireOperator(ctx context.Context) error {
	if !principalFrom(ctx).operator {
		return connect.NewError(connect.CodePermissionDenied,
			errors.New("this API key is not an operator key (create one with: herald keys create --operator)"))
	}
	return nil
}

func (h *operatorHandler) GetQueueStats(ctx context.Context, _ *connect.Request[heraldv1.GetQueueStatsRequest]) (*connect.Response[heraldv1.GetQueueStatsResponse], error) {
	if err := requireOperator(ctx); err != nil {
		return nil, err
	}
	stats, err := h.store.QueueStats(ctx)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	var extra []string // queues of another Herald version, say
	for q := range stats {
		if !slices.Contains(h.lanes, q) {
			extra = append(extra, q)
		}
	}
	slices.Sort(extra)
	names := append(slices.Clone(h.lanes), extra...)
	resp := &heraldv1.GetQueueStatsResponse{Time: timestamppb.New(time.Now())}
	for _, name := range names {
		s := stats[name]
		resp.Queues = append(resp.Queues, &heraldv1.QueueStats{
			Queue: name, Available: s.Available, Running: s.Running, Scheduled: s.Scheduled,
			OldestAvailableAge: durationpb.New(s.OldestAvailableAge),
		})
	}
	return connect.NewResponse(resp), nil
}
