import type { ApiError } from '../../../src-shared/errors';

interface Props {
  error: ApiError | null;
  onDismiss?: () => void;
}

/** Renders an API error: the message gives the user's next step, and the code and AWS name help support. */
export function ErrorBanner({ error, onDismiss }: Props) {
  if (error === null) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-text">
        <p>{error.message}</p>
        <p className="banner-code">
          {error.code}
          {error.awsName === undefined ? '' : ` · ${error.awsName}`}
        </p>
      </div>
      {onDismiss === undefined ? null : (
        <button
          type="button"
          className="button-quiet"
          onClick={onDismiss}
          aria-label="Dismiss error"
        >
          ✕
        </button>
      )}
    </div>
  );
}
