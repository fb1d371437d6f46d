package server

import (
	"context"
	"errors"
	"log/slog"
	"net"

	"buf.build/go/protovalidate"
	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/heraldhq/herald/enqueue"
	"github.com/heraldhq/herald/store"
)

// toConnectError maps an error from below to the Connect code a client can
// act on. Errors Herald does not recognise are logged and answered as
// Internal without their text, which may hold SQL.
func toConnectError(ctx context.Context, err error) error {
	var (
		cerr  *connect.Error
		verr  *protovalidate.ValidationError
		pgErr *pgconn.PgError
		nerr  net.Error
	)
	switch {
	case errors.As(err, &cerr):
		return cerr
	case errors.As(err, &verr):
		return connect.NewError(connect.CodeInvalidArgument, err)
	case errors.Is(err, store.ErrNotFound), errors.Is(err, enqueue.ErrUnknownMessageType):
		return connect.NewError(connect.CodeNotFound, err)
	case errors.Is(err, enqueue.ErrIdempotencyConflict):
		return connect.NewError(connect.CodeAlreadyExists, err)
	case errors.Is(err, context.Canceled):
		return connect.NewError(connect.CodeCanceled, err)
	case errors.Is(err, context.DeadlineExceeded):
		return connect.NewError(connect.CodeDeadlineExceeded, err)
	case pgconn.SafeToRetry(err), pgconn.Timeout(err), errors.As(err, &nerr), isConnError(err),
		errors.As(err, &pgErr) && (pgErr.Code == "57P01" || pgErr.Code == "57P03" || pgErr.Code[:2] == "08"):
		slog.WarnContext(ctx, "database unavailable", "error", err)
		return connect.NewError(connect.CodeUnavailable, errors.New("database unavailable, retry later"))
	}
	slog.ErrorContext(ctx, "internal error", "error", err)
	return connect.NewError(connect.CodeInternal, errors.New("internal error"))
}

func isConnError(err error) bool {
	var ce *pgconn.ConnectError
	return errors.As(err, &ce)
}

// invalidArgument is an InvalidArgument error naming field.
func invalidArgument(field, msg string) error {
	return connect.NewError(connect.CodeInvalidArgument, errors.New(field+": "+msg))
}
