#ifndef KHALATOP_CNCURSES_SHIM_H
#define KHALATOP_CNCURSES_SHIM_H
// The ncursesw surface khalatop uses (TermUINCurses only). Function-like
// macros and globals that Swift cannot import (or that are not safe to touch
// from Swift 6 as mutable globals) get small static inline wrappers here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

// Globals.
static inline int kt_cols(void) { return COLS; }
static inline int kt_lines(void) { return LINES; }
static inline int kt_colors(void) { return COLORS; }
static inline int kt_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *kt_stdscr(void) { return stdscr; }
static inline WINDOW *kt_curscr(void) { return curscr; }

// Attributes (NCURSES_BITS macros).
static inline attr_t kt_a_normal(void) { return A_NORMAL; }
static inline attr_t kt_a_bold(void) { return A_BOLD; }
static inline attr_t kt_a_dim(void) { return A_DIM; }
static inline attr_t kt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kt_a_reverse(void) { return A_REVERSE; }
static inline attr_t kt_a_italic(void) { return A_ITALIC; }
static inline attr_t kt_a_blink(void) { return A_BLINK; }

// Key codes (octal macros and the KEY_F function macro).
static inline int kt_key_f(int n) { return KEY_F(n); }
static inline int kt_key_code_yes(void) { return KEY_CODE_YES; }
static inline int kt_key_resize(void) { return KEY_RESIZE; }
static inline int kt_key_up(void) { return KEY_UP; }
static inline int kt_key_down(void) { return KEY_DOWN; }
static inline int kt_key_left(void) { return KEY_LEFT; }
static inline int kt_key_right(void) { return KEY_RIGHT; }
static inline int kt_key_home(void) { return KEY_HOME; }
static inline int kt_key_end(void) { return KEY_END; }
static inline int kt_key_ppage(void) { return KEY_PPAGE; }
static inline int kt_key_npage(void) { return KEY_NPAGE; }
static inline int kt_key_backspace(void) { return KEY_BACKSPACE; }
static inline int kt_key_dc(void) { return KEY_DC; }
static inline int kt_key_ic(void) { return KEY_IC; }
static inline int kt_key_enter(void) { return KEY_ENTER; }
static inline int kt_key_btab(void) { return KEY_BTAB; }

// getmaxyx is a macro assigning to its arguments.
static inline void kt_getmaxyx(WINDOW *w, int *rows, int *cols) {
    int y, x;
    getmaxyx(w, y, x);
    *rows = y;
    *cols = x;
}

// Terminal size from the tty itself (after SIGWINCH, before resizeterm).
static inline int kt_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

// Draw one grapheme (base + up to CCHARW_MAX-1 combining marks) at y,x with
// attributes and an extended colour pair (ncurses >= 6.1 takes the int pair
// through the `opts` pointer, so pairs above 255/32767 work).
static inline int kt_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    int p = pair;
    if (setcchar(&cc, wch, attrs, 0, &p) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}

// Clear the rest of a line from y,x (used after a resize).
static inline int kt_move(int y, int x) { return wmove(stdscr, y, x); }
static inline int kt_get_wch(wint_t *out) { return wget_wch(stdscr, out); }

// Column width libc (and so ncurses) gives a wide character; declared here
// because <wchar.h> only declares it under _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);
static inline int kt_wcwidth(wchar_t c) { return wcwidth(c); }

// True when the current LC_CTYPE encodes text as UTF-8.
static inline int kt_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// newterm on the process's stdout/stdin (their FILE* globals are not
// concurrency-safe to touch from Swift 6).
static inline SCREEN *kt_newterm(void) { return newterm(NULL, stdout, stdin); }
#endif
