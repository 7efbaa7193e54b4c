// epoll (Linux), for the load client: Glibc's Swift module does not include it.
#include <sys/epoll.h>
