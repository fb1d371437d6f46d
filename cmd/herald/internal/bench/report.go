package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the report for people.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, a ...any) { fmt.Fprintf(tw, format+"\n", a...) }
	p("machine\t%d CPUs, %s/%s, Postgres %s", r.Machine.CPUs, r.Machine.GOOS, r.Machine.GOARCH, r.Machine.Postgres)
	p("settings\tn=%d rounds=%d concurrency=%d workers=%d fetch_cooldown=%dms pool=%d herald=%s", r.Settings.N, r.Settings.Rounds, r.Settings.Concurrency,
		r.Settings.Workers, r.Settings.FetchCooldownMS, r.Settings.PoolSize, r.Settings.Herald)
	p("")
	p("baseline\trate")
	if len(r.Baselines.PGInsertTxRounds) > 0 {
		p("raw Postgres one-row insert tx\t%.0f/s\tmedian of %s", r.Baselines.PGInsertTxPerSec, rates(r.Baselines.PGInsertTxRounds))
	} else {
		p("raw Postgres one-row insert tx\tnot measured (it runs with the single scenario)")
	}
	p("raw River InsertTx + work (no-op)\t%.0f/s", r.Baselines.RiverInsertTxPerSec)
	p("raw River InsertMany + work (no-op)\t%.0f/s", r.Baselines.RiverInsertManyPerSec)
	if s := r.Single; s != nil {
		p("")
		p("single recipient\t")
		p("accepted, lanes paused\t%.0f/s\tmedian of %s\taccept p50/p95/p99 %.1f/%.1f/%.1f ms", s.AcceptOnlyPerSec, rates(s.AcceptOnlyRounds),
			s.AcceptOnly.P50, s.AcceptOnly.P95, s.AcceptOnly.P99)
		p("backlog drained\t%.0f/s\tdelivered while paused %d", s.DrainPerSec, s.DeliveredWhilePaused)
		p("accepted while delivering\t%.0f/s\taccept p50/p95/p99 %.1f/%.1f/%.1f ms", s.AcceptPerSec, s.Accept.P50, s.Accept.P95, s.Accept.P99)
		p("delivered end to end\t%.0f/s\taccept-to-delivered p50/p95/p99 %.1f/%.1f/%.1f ms", s.E2EPerSec,
			s.AcceptToDelivered.P50, s.AcceptToDelivered.P95, s.AcceptToDelivered.P99)
		p("herald process\t%.1f CPU s (%.2f cores)\tpeak RSS %.0f MB\trepeats %d", s.Process.CPUSeconds, s.Process.CPUCores, s.Process.PeakRSSMB, s.Repeats)
	}
	for name, f := range map[string]*FanoutResult{"fan-out": r.Fanout, "topic": r.Topic} {
		if f == nil {
			continue
		}
		p("")
		p("%s to %d recipients\t", name, f.Recipients)
		p("accepted-to-queued\t%.0f recipients/s\taccept %.1f ms", f.QueuedPerSec, f.AcceptMS)
		p("accepted-to-delivered\t%.0f recipients/s", f.DeliveredPerSec)
		p("herald process\t%.1f CPU s (%.2f cores)\tpeak RSS %.0f MB", f.Process.CPUSeconds, f.Process.CPUCores, f.Process.PeakRSSMB)
	}
	if l := r.Lanes; l != nil {
		p("")
		p("lanes: %d bulk queued, critical at %.0f/s\t", l.Bulk, l.CriticalRate)
		p("critical accept-to-delivered\tp50/p95/p99/max %.1f/%.1f/%.1f/%.1f ms\t%d sent; bulk backlog up to %d, %d delivered meanwhile",
			l.Critical.P50, l.Critical.P95, l.Critical.P99, l.Critical.Max, l.CriticalSent, l.BulkBacklogMax, l.BulkDelivered)
		p("herald process\t%.1f CPU s (%.2f cores)\tpeak RSS %.0f MB", l.Process.CPUSeconds, l.Process.CPUCores, l.Process.PeakRSSMB)
	}
	if i := r.Isolation; i != nil {
		p("")
		p("isolation: webhook sends at %.0f/s, then again with the SMS provider hanging\t", i.RatePerSec)
		p("webhook accept-to-delivered before\tp50/p99 %.1f/%.1f ms", i.Before.P50, i.Before.P99)
		p("webhook accept-to-delivered while hanging\tp50/p99 %.1f/%.1f ms\t%d SMS calls held open", i.During.P50, i.During.P99, i.Hanging)
	}
	if q := r.Queued; q != nil {
		p("")
		p("queued: %d deliveries waiting\tfan-out took %.1f s\tpeak RSS %.0f MB", q.Deliveries, q.FanoutSec, q.Process.PeakRSSMB)
	}
	p("")
	p("ratio\tvalue")
	for k, v := range r.Ratios {
		p("%s\t%.2f", k, v)
	}
	p("")
	p("target\tvalue\twanted\tmet")
	for _, t := range r.Targets {
		op := ">="
		if t.AtMost {
			op = "<="
		}
		p("%s\t%.2f\t%s %.2f\t%v", t.Name, t.Value, op, t.Target, t.Met)
	}
	return tw.Flush()
}

// rates lists per-second rates as "a, b, c /s".
func rates(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.0f", x)
	}
	return strings.Join(parts, ", ") + " /s"
}
