package server

import (
	"context"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

type preferenceHandler struct {
	store   *store.Store
	digests jobs.Digests
}

// NewPreferenceHandler returns the PreferenceService implementation.
func NewPreferenceHandler(st *store.Store, digests jobs.Digests) heraldv1connect.PreferenceServiceHandler {
	return &preferenceHandler{store: st, digests: digests}
}

func (h *preferenceHandler) GetPreferences(ctx context.Context, req *connect.Request[heraldv1.GetPreferencesRequest]) (*connect.Response[heraldv1.GetPreferencesResponse], error) {
	tenant := principalFrom(ctx).tenant
	id := req.Msg.GetRecipientId()
	if _, err := h.store.GetRecipient(ctx, tenant.ID, id); err != nil {
		return nil, toConnectError(ctx, err)
	}
	p, err := h.store.GetPreferences(ctx, tenant.ID, id)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetPreferencesResponse{RecipientId: id, Preferences: wire.PreferencesToProto(p)}), nil
}

func (h *preferenceHandler) UpdatePreferences(ctx context.Context, req *connect.Request[heraldv1.UpdatePreferencesRequest]) (*connect.Response[heraldv1.UpdatePreferencesResponse], error) {
	tenant := principalFrom(ctx).tenant
	id := req.Msg.GetRecipientId()
	r, err := h.store.GetRecipient(ctx, tenant.ID, id)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	p := wire.PreferencesFromProto(req.Msg.GetPreferences())
	p.TenantID, p.RecipientID = tenant.ID, id
	var stored *store.Preferences
	// The digests move in the same transaction, so no flush at the old time
	// can go as well.
	err = h.store.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		if stored, err = store.New(tx).UpsertPreferences(ctx, p); err != nil {
			return err
		}
		return h.digests.Reschedule(ctx, tx, tenant.ID, r, stored.Digest, h.digests.Time())
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UpdatePreferencesResponse{RecipientId: id, Preferences: wire.PreferencesToProto(stored)}), nil
}

func (h *preferenceHandler) GetDefaultPreferences(ctx context.Context, _ *connect.Request[heraldv1.GetDefaultPreferencesRequest]) (*connect.Response[heraldv1.GetDefaultPreferencesResponse], error) {
	tenant := principalFrom(ctx).tenant
	p, err := h.store.GetPreferences(ctx, tenant.ID, store.TenantDefaults)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetDefaultPreferencesResponse{Preferences: wire.PreferencesToProto(p)}), nil
}

func (h *preferenceHandler) UpdateDefaultPreferences(ctx context.Context, req *connect.Request[heraldv1.UpdateDefaultPreferencesRequest]) (*connect.Response[heraldv1.UpdateDefaultPreferencesResponse], error) {
	tenant := principalFrom(ctx).tenant
	in := req.Msg.GetPreferences()
	if in.GetMuteUntil() != nil {
		return nil, invalidArgument("preferences.mute_until", "mute is a recipient's choice, not a tenant default")
	}
	if in.GetDigest() != nil {
		return nil, invalidArgument("preferences.digest", "digest cadence is a recipient's choice, not a tenant default")
	}
	p := wire.PreferencesFromProto(in)
	p.TenantID, p.RecipientID = tenant.ID, store.TenantDefaults
	stored, err := h.store.UpsertPreferences(ctx, p)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UpdateDefaultPreferencesResponse{Preferences: wire.PreferencesToProto(stored)}), nil
}
