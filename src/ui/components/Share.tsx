// Links: "Copy link" for the view on screen, and what a link to data this
// browser does not keep says (with a way to open that file).
interface CopyProps {
  kept: boolean;
  onDone(text: string): void;
}

export function CopyLink({ kept, onDone }: CopyProps) {
  const copy = async () => {
    const href = location.href;
    const what = kept ? 'It reopens this view, with this data, in this browser.' : 'It reopens this view.';
    try {
      await navigator.clipboard.writeText(href);
      onDone(`Link copied. ${what}`);
    } catch {
      // No clipboard (permission, insecure page): the link to copy by hand.
      onDone(`Copy this link: ${href}`);
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      title="Copy a link to this view (data, selection, query and filters)"
    >
      Copy link
    </button>
  );
}

export function MissingData({ onOpen, onClose }: { onOpen(): void; onClose(): void }) {
  return (
    <div class="missing-data" role="alert">
      <p>
        <strong>This link names data that this browser does not keep</strong> (it was opened from a file in another
        browser, or the browser's storage was cleared). The bundled data is shown instead.
      </p>
      <p>
        Open the same file to see the link's view:{' '}
        <button type="button" class="primary" onClick={onOpen}>
          Open the file…
        </button>{' '}
        <button type="button" class="ghost" onClick={onClose}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
