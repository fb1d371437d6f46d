//go:build faults

package faults

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// cluster is a Postgres cluster of the suite's own, so that stopping it
// disturbs no other test.
type cluster struct {
	t    testing.TB
	bin  string
	dir  string // owned by the user Postgres runs as
	data string
	port int
	// asUser runs Postgres's programs as this user when we are root
	// (Postgres refuses to run as root); empty runs them as we are.
	asUser string
}

// startCluster initialises a cluster in a fresh directory and starts it on
// a free loopback port. It is stopped and removed when the test ends.
func startCluster(t testing.TB) *cluster {
	t.Helper()
	c := &cluster{t: t, bin: cmp.Or(os.Getenv("FAULTS_PG_BIN"), "/usr/lib/postgresql/15/bin")}
	if _, err := os.Stat(filepath.Join(c.bin, "initdb")); err != nil {
		t.Fatalf("Postgres server binaries not found in %s (set FAULTS_PG_BIN): %v", c.bin, err)
	}
	dir, err := os.MkdirTemp("", "herald-faults-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir, c.data = dir, filepath.Join(dir, "data")
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		c.asUser = "postgres"
		u, err := user.Lookup(c.asUser)
		if err != nil {
			t.Fatalf("running as root needs a postgres user to run Postgres as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := c.run("initdb", "-D", c.data, "-A", "trust", "-U", "postgres", "--no-sync"); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	c.start()
	t.Cleanup(func() { c.run("pg_ctl", "-D", c.data, "-m", "immediate", "-w", "stop") }) //nolint:errcheck // best effort
	return c
}

// url is the URL of database name on the cluster.
func (c *cluster) url(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, name)
}

// start starts the cluster and waits until it accepts connections.
func (c *cluster) start() {
	c.t.Helper()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200",
		c.port, c.dir)
	if out, err := c.run("pg_ctl", "-D", c.data, "-l", filepath.Join(c.dir, "postgres.log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		c.t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, c.log())
	}
}

// stop stops the cluster: mode is pg_ctl's "fast" (roll back open
// transactions, close every connection, checkpoint) or "immediate" (a
// crash: recovery replays the WAL at the next start).
func (c *cluster) stop(mode string) {
	c.t.Helper()
	if out, err := c.run("pg_ctl", "-D", c.data, "-m", mode, "-w", "-t", "60", "stop"); err != nil {
		c.t.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
}

func (c *cluster) log() string {
	b, _ := os.ReadFile(filepath.Join(c.dir, "postgres.log"))
	return string(b)
}

func (c *cluster) run(program string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, program)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", c.asUser, "--", path}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, path, args...)
	}
	cmd.Dir = c.dir
	// A file, not a pipe: the server pg_ctl starts outlives it and would
	// hold a pipe open.
	out, err := os.CreateTemp("", "herald-faults-pgctl-")
	if err != nil {
		return nil, err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	err = cmd.Run()
	b, _ := os.ReadFile(out.Name())
	return b, err
}
