# A throw-away SMTP server for tst_notifier: aiosmtpd (python3-aiosmtpd) on a free loopback port,
# AUTH LOGIN/PLAIN against the user and password given, one JSON file per message received.
# Usage: smtpserver.py OUTDIR USER PASSWORD [CERT KEY]; with a certificate STARTTLS is required
# before AUTH and MAIL. Prints the port, runs until stdin closes.
import json, os, socket, ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
outdir, user, password = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
class Handler:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        path = os.path.join(outdir, "%d.json" % Handler.count)
        with open(path + ".tmp", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "data": envelope.original_content.decode("ascii")}, f)
        os.rename(path + ".tmp", path)
        return "250 OK"
def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password
    return AuthResult(success=ok, handled=False)
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
tls = {}
if len(sys.argv) > 5:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(sys.argv[4], sys.argv[5])
    tls = {"tls_context": context, "require_starttls": True}
controller = Controller(Handler(), hostname="127.0.0.1", port=port, authenticator=authenticate,
                        auth_require_tls=bool(tls), **tls)
controller.start()
print(port, flush=True)
sys.stdin.read()
controller.stop()
