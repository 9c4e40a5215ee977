import { MarkupKind, type ClientCapabilities, type SignatureHelp, type SignatureHelpParams } from 'vscode-languageserver';
import type { ConfigDocument } from '../analysis/config-document';
import { signatureHelpAt } from '../language/signature-help';

/** Characters after which the editor asks for signature help. */
export const SIGNATURE_TRIGGERS = [' ', '(', ','];

/** textDocument/signatureHelp from the core, with parameter labels as offsets when the client takes them. */
export class SignatureHelpProvider {
  private labelOffsets = true;

  configure(capabilities: ClientCapabilities): void {
    this.labelOffsets = capabilities.textDocument?.signatureHelp?.signatureInformation?.parameterInformation?.labelOffsetSupport === true;
  }

  help(document: ConfigDocument, params: SignatureHelpParams): SignatureHelp | null {
    const found = signatureHelpAt(document, params.position.line, params.position.character);
    if (!found) return null;
    return {
      activeSignature: found.activeSignature,
      activeParameter: found.activeParameter,
      signatures: found.signatures.map((signature) => ({
        label: signature.label,
        ...(signature.documentation ? { documentation: { kind: MarkupKind.PlainText, value: signature.documentation } } : {}),
        parameters: signature.parameters.map((parameter) => ({
          label: this.labelOffsets ? parameter.label : signature.label.slice(parameter.label[0], parameter.label[1]),
          ...(parameter.documentation ? { documentation: parameter.documentation } : {}),
        })),
      })),
    };
  }
}
