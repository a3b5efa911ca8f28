/* msg: short messages built without printf, which would add some 20 KB of
 * formatting code to a module that needs none. */
#ifndef MSG_H
#define MSG_H

#include <stddef.h>

typedef struct msg {
    char *buf;
    size_t cap; /* >= 1 */
    size_t len; /* < cap; buf[len] == '\0' */
} msg;

static inline msg *msg_start(msg *m, char *buf, size_t cap)
{
    m->buf = buf;
    m->cap = cap;
    m->len = 0;
    buf[0] = '\0';
    return m;
}

/* Appends s, cutting it short when the buffer is full. */
static inline msg *msg_str(msg *m, const char *s)
{
    while (*s != '\0' && m->len + 1 < m->cap)
        m->buf[m->len++] = *s++;
    m->buf[m->len] = '\0';
    return m;
}

static inline msg *msg_num(msg *m, unsigned long v)
{
    char digits[24];
    int n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (n > 0 && m->len + 1 < m->cap)
        m->buf[m->len++] = digits[--n];
    m->buf[m->len] = '\0';
    return m;
}

#endif
