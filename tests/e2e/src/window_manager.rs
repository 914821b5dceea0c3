//! What a window manager's close button does, for a test: Xvfb runs none, so the test sends the
//! app's window the same X11 message one sends (`WM_DELETE_WINDOW`), which GTK hands to Tauri as
//! a close request, the page hearing it as it does when a coach closes the window.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState, Window};
use x11rb::rust_connection::RustConnection;
use x11rb::CURRENT_TIME;

type Failure = Box<dyn std::error::Error>;

/// Asks the shown window of process `pid` to close. Fails when the display cannot be reached or
/// the process shows no window that takes the request.
pub fn ask_to_close(pid: u32) -> Result<(), Failure> {
    let (conn, screen) = x11rb::connect(None)?;
    let root = conn.setup().roots[screen].root;
    let atom = |name: &str| -> Result<u32, Failure> { Ok(conn.intern_atom(false, name.as_bytes())?.reply()?.atom) };
    let (wm_pid, protocols, delete) = (atom("_NET_WM_PID")?, atom("WM_PROTOCOLS")?, atom("WM_DELETE_WINDOW")?);
    let mut windows = Vec::new();
    for window in conn.query_tree(root)?.reply()?.children {
        if shown_by(&conn, window, wm_pid)? == Some(pid) && takes(&conn, window, protocols, delete)? {
            windows.push(window);
        }
    }
    let [window] = windows[..] else {
        return Err(format!("process {pid} shows {} windows that take a close request, not one", windows.len()).into());
    };
    let request = ClientMessageEvent::new(32, window, protocols, [delete, CURRENT_TIME, 0, 0, 0]);
    // Checked, so the server has handled it before this connection closes.
    conn.send_event(false, window, EventMask::NO_EVENT, request)?.check()?;
    Ok(())
}

/// The process a shown top-level window belongs to, as GTK records it (`_NET_WM_PID`). Windows
/// a window manager never sees (a tooltip, a menu: override-redirect) are passed over: no close
/// button closes them.
fn shown_by(conn: &RustConnection, window: Window, wm_pid: u32) -> Result<Option<u32>, Failure> {
    let attributes = conn.get_window_attributes(window)?.reply()?;
    if attributes.map_state != MapState::VIEWABLE || attributes.override_redirect {
        return Ok(None);
    }
    let property = conn.get_property(false, window, wm_pid, AtomEnum::CARDINAL, 0, 1)?.reply()?;
    Ok(property.value32().and_then(|mut values| values.next()))
}

/// Whether the window says it handles `WM_DELETE_WINDOW` among its `WM_PROTOCOLS`.
fn takes(conn: &RustConnection, window: Window, protocols: u32, delete: u32) -> Result<bool, Failure> {
    let property = conn.get_property(false, window, protocols, AtomEnum::ATOM, 0, 32)?.reply()?;
    Ok(property.value32().is_some_and(|mut atoms| atoms.any(|atom| atom == delete)))
}
