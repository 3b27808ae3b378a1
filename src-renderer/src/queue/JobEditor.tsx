import { useMemo } from 'react';
import CodeMirror from '@uiw/react-codemirror';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { keymap, EditorView } from '@codemirror/view';
import { Prec } from '@codemirror/state';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSubmit?: () => void;
  theme: 'light' | 'dark';
  readOnly?: boolean;
  label: string;
  testId: string;
  minHeight?: string;
}

/**
 * Renders a JSON editor (CodeMirror 6) with syntax highlighting and inline parse errors.
 * Ctrl+Enter or Cmd+Enter calls `onSubmit`.
 */
export function JobEditor({
  value,
  onChange,
  onSubmit,
  theme,
  readOnly = false,
  label,
  testId,
  minHeight = '220px',
}: Props) {
  const extensions = useMemo(() => {
    const list = [
      json(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ];
    if (!readOnly) list.push(linter(jsonParseLinter(), { delay: 300 }), lintGutter());
    if (onSubmit !== undefined) {
      list.push(
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                onSubmit();
                return true;
              },
            },
          ]),
        ),
      );
    }
    return list;
  }, [label, onSubmit, readOnly]);

  return (
    <div className="editor" data-testid={testId}>
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        theme={theme}
        readOnly={readOnly}
        editable={!readOnly}
        minHeight={minHeight}
        basicSetup={{
          foldGutter: !readOnly,
          highlightActiveLine: !readOnly,
          autocompletion: false,
        }}
      />
    </div>
  );
}
