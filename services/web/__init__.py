"""The web interface: server-rendered pages in Indonesian (English on request) over the same
handlers, permissions and refusals as the API, for people signed in with a password. The pages
are mounted by ``services.web.site``; importing this package loads no page, so the command line
can use its catalogue of labels without FastAPI."""
