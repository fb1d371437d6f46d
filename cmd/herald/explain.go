package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

func runExplain(ctx context.Context, args []string) error {
	var c clientFlags
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	c.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		return errors.New("usage: herald explain <notification id> [recipient id]")
	}
	n, err := c.getNotification(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	return explain(os.Stdout, n, fs.Arg(1))
}

// explain writes, for each delivery (of one recipient, if given), what
// became of it and why, from its event timeline.
func explain(w io.Writer, n *heraldv1.Notification, recipient string) error {
	fmt.Fprintf(w, "%s (%s v%d, %s)\n", n.GetId(), n.GetMessageType(), n.GetMessageTypeVersion(),
		enumName(n.GetStatus(), "NOTIFICATION_STATUS_"))
	found := false
	for _, d := range n.GetDeliveries() {
		if recipient != "" && d.GetRecipientId() != recipient {
			continue
		}
		found = true
		verdict := enumName(d.GetStatus(), "DELIVERY_STATUS_")
		if d.GetReason() != "" {
			verdict += " (" + d.GetReason() + ")"
		}
		fmt.Fprintf(w, "\n%s on %s: %s\n", d.GetRecipientId(), enumName(d.GetChannel(), "CHANNEL_"), verdict)
		if why := because(d); why != "" {
			fmt.Fprintf(w, "  because %s\n", why)
		}
		for _, e := range d.GetEvents() {
			fmt.Fprintf(w, "  %s  %s\n", e.GetTime().AsTime().Local().Format("2006-01-02 15:04:05.000"), describe(e))
		}
	}
	if !found && recipient != "" {
		fmt.Fprintf(w, "\n%s has no delivery in this notification: not a recipient of it", recipient)
		if n.GetStatus() == heraldv1.NotificationStatus_NOTIFICATION_STATUS_ACCEPTED ||
			n.GetStatus() == heraldv1.NotificationStatus_NOTIFICATION_STATUS_SCHEDULED {
			fmt.Fprint(w, ", or its fan-out has not reached them yet")
		}
		fmt.Fprintln(w)
	}
	return nil
}

// because finds the event that gave the delivery its reason and says it in
// words.
func because(d *heraldv1.Delivery) string {
	if d.GetReason() == "" {
		return ""
	}
	events := d.GetEvents()
	for i := len(events) - 1; i >= 0; i-- {
		if e := events[i]; e.GetReason() == d.GetReason() {
			return describe(e)
		}
	}
	return d.GetLastError()
}

// describe renders one event: its type, what it said and the data that
// decided it.
func describe(e *heraldv1.DeliveryEvent) string {
	var b strings.Builder
	b.WriteString(e.GetType())
	if e.GetAttempt() > 0 {
		fmt.Fprintf(&b, " #%d", e.GetAttempt())
	}
	if e.GetProvider() != "" {
		b.WriteString(" via " + e.GetProvider())
	}
	if e.GetResponseCode() > 0 {
		fmt.Fprintf(&b, " → %d", e.GetResponseCode())
	}
	if e.GetLatency() != nil {
		fmt.Fprintf(&b, " in %s", e.GetLatency().AsDuration().Round(100*time.Microsecond))
	}
	if e.GetReason() != "" && e.GetType() != e.GetReason() {
		b.WriteString(" [" + e.GetReason() + "]")
	}
	if e.GetMessage() != "" {
		b.WriteString(": " + e.GetMessage())
	}
	if details := e.GetDetails().AsMap(); len(details) > 0 {
		b.WriteString(" — " + flatten(details))
	}
	return b.String()
}

// flatten writes a details map as "k=v, k2.sub=v2" in key order.
func flatten(m map[string]any) string {
	var parts []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		if sub, ok := v.(map[string]any); ok {
			for _, k := range slices.Sorted(maps.Keys(sub)) {
				walk(prefix+k+".", sub[k])
			}
			return
		}
		parts = append(parts, fmt.Sprintf("%s=%v", strings.TrimSuffix(prefix, "."), v))
	}
	walk("", m)
	return strings.Join(parts, ", ")
}
