/*
 * conn.c - connection accounting (see conn.h).
 *
 * Every open connection is a struct conn (libmicrohttpd's socket context)
 * in one list under one mutex.  The per-address count is a walk of that
 * list: a few thousand comparisons at most, done once per accepted
 * connection, cheaper than keeping a hash table right.  A reaper thread
 * wakes every second and shuts down (shutdown(2), not close: the socket
 * stays libmicrohttpd's) each connection past its deadline; libmicrohttpd
 * then sees the end of the stream and closes it.  The close notification
 * takes the same mutex before libmicrohttpd closes the descriptor, so the
 * reaper never touches a descriptor that has been reused.
 */
#include "http/conn.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "core/banned.h"

struct conn {
	struct conn *prev, *next;
	struct conn_table *table;
	int fd;
	struct proxy_addr addr;
	int limited;     /* counted against its address (not a trusted proxy) */
	time_t deadline; /* a request head must be whole by then; 0: none */
	unsigned long requests;
};

struct conn_table {
	struct conn_limits l;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t reaper;
	int stop;
	struct conn *head;
	unsigned open;
	unsigned long reaped;
};

static time_t now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void *reap(void *arg)
{
	struct conn_table *t = arg;

	pthread_mutex_lock(&t->lock);
	while (!t->stop) {
		struct timespec until;
		time_t now = now_s();

		for (struct conn *c = t->head; c; c = c->next)
			if (c->deadline && now >= c->deadline) {
				shutdown(c->fd, SHUT_RDWR);
				c->deadline = 0;
				t->reaped++;
			}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&t->wake, &t->lock, &until);
	}
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

struct conn_table *conn_table_new(const struct conn_limits *l)
{
	struct conn_table *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->l = *l;
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->wake, NULL);
	if (pthread_create(&t->reaper, NULL, reap, t) != 0) {
		pthread_cond_destroy(&t->wake);
		pthread_mutex_destroy(&t->lock);
		free(t);
		return NULL;
	}
	return t;
}

void conn_table_free(struct conn_table *t)
{
	if (!t)
		return;
	pthread_mutex_lock(&t->lock);
	t->stop = 1;
	pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&t->lock);
	pthread_join(t->reaper, NULL);
	while (t->head) {
		struct conn *c = t->head;

		t->head = c->next;
		free(c);
	}
	pthread_cond_destroy(&t->wake);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

/* 1 when c's address has more than per_address connections counted
 * (c among them).  Called with the lock held. */
static int over_limit(const struct conn_table *t, const struct conn *c)
{
	unsigned n = 0;

	for (const struct conn *o = t->head; o; o = o->next)
		if (o->limited && proxy_addr_equal(&o->addr, &c->addr) && ++n > t->l.per_address)
			return 1;
	return 0;
}

enum MHD_Result conn_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	struct conn_table *t = cls;
	struct proxy_addr a;
	unsigned n = 0;

	(void)addrlen;
	if (proxy_addr_from_sockaddr(addr, &a) < 0)
		return MHD_NO;
	if (proxy_trusted(t->l.trusted, t->l.ntrusted, &a))
		return MHD_YES;
	pthread_mutex_lock(&t->lock);
	for (struct conn *c = t->head; c && n < t->l.per_address; c = c->next)
		n += c->limited && proxy_addr_equal(&c->addr, &a);
	pthread_mutex_unlock(&t->lock);
	return n < t->l.per_address ? MHD_YES : MHD_NO;
}

void conn_notify(void *cls, struct MHD_Connection *mc, void **socket_context,
                 enum MHD_ConnectionNotificationCode code)
{
	struct conn_table *t = cls;
	struct conn *c = *socket_context;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fd, *addr;

		if (c || !(c = calloc(1, sizeof(*c))))
			return;
		fd = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CONNECTION_FD);
		addr = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		c->table = t;
		c->fd = fd ? fd->connect_fd : -1;
		if (!addr || proxy_addr_from_sockaddr(addr->client_addr, &c->addr) < 0)
			memset(&c->addr, 0, sizeof(c->addr));
		c->limited = !proxy_trusted(t->l.trusted, t->l.ntrusted, &c->addr);
		pthread_mutex_lock(&t->lock);
		c->deadline = c->fd >= 0 ? now_s() + (time_t)t->l.header_timeout_s : 0;
		c->next = t->head;
		if (t->head)
			t->head->prev = c;
		t->head = c;
		t->open++;
		/* conn_accept counted without holding the lock until now: two
		 * workers may both have let one address in.  Counted again here,
		 * in order, the one past the limit is shut at once. */
		if (c->limited && c->fd >= 0 && over_limit(t, c)) {
			shutdown(c->fd, SHUT_RDWR);
			c->limited = 0;
			c->deadline = 0;
		}
		pthread_mutex_unlock(&t->lock);
		*socket_context = c;
		return;
	}
	if (code != MHD_CONNECTION_NOTIFY_CLOSED || !c)
		return;
	pthread_mutex_lock(&t->lock);
	if (c->prev)
		c->prev->next = c->next;
	else
		t->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	t->open--;
	pthread_mutex_unlock(&t->lock);
	free(c);
	*socket_context = NULL;
}

static struct conn *conn_of(struct MHD_Connection *mc)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

int conn_request_begin(struct MHD_Connection *mc)
{
	struct conn *c = conn_of(mc);
	int busy;

	if (!c)
		return 0;
	pthread_mutex_lock(&c->table->lock);
	c->deadline = 0;
	busy = c->requests == 0 && c->table->open >= c->table->l.busy_at;
	c->requests++;
	pthread_mutex_unlock(&c->table->lock);
	return busy;
}

void conn_request_end(struct MHD_Connection *mc)
{
	struct conn *c = conn_of(mc);

	if (!c)
		return;
	pthread_mutex_lock(&c->table->lock);
	c->deadline = now_s() + (time_t)(c->table->l.idle_timeout_s + c->table->l.header_timeout_s);
	pthread_mutex_unlock(&c->table->lock);
}
