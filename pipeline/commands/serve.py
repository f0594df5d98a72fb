"""``gongwen serve``: the archivists' web catalogue over an index, read-only, on this machine."""
from __future__ import annotations

import click

from pipeline.commands.index_options import fail, index_option
from pipeline.errors import InputError
from pipeline.i18n import _


@click.command()
@index_option
@click.option("--originals", type=click.Path(file_okay=False, exists=True),
              help="The folder of the original files (the batch's inbox): PDFs shown, others downloadable.")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--show-classified", is_flag=True,
              help="Show the body of letters with a 密等 (otherwise only their header).")
def serve(index_path, originals, host, port, show_classified):
    """Serve a web catalogue of the index: search, letters, references, register, 檔案目錄 (read-only)."""
    from werkzeug.serving import make_server

    from pipeline.serve.app import create_app
    try:
        app = create_app(index_path, originals, show_classified)
    except InputError as exc:
        fail("serve", exc)
    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as exc:
        fail("serve", InputError(f"{host}:{port}", f"cannot listen: {exc.strerror or exc}"))
    click.echo(_("gongwen serve: http://{host}:{port}/ (Ctrl-C stops)").format(host=host, port=server.server_port))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
