import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SDK_PATH = '@aws-sdk/client-cognito-identity-provider';
/** authchart's own copy of Cognito's shapes, named as the model names them (`InitiateAuthResponse`), one file per area. */
const WIRE_DIR = 'machines/cognito/wire/';

/** A file that declares Cognito's shapes: the SDK's, or authchart's wire types. */
function declaresCognitoShapes(fileName: string): boolean {
  return fileName.includes(SDK_PATH) || fileName.includes(WIRE_DIR);
}

/** Every `.ts` file of the core: the only code that reads Cognito's answers. */
function coreFiles(dir = 'machines'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? coreFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The Cognito structure a declaration belongs to (`InitiateAuthResponse`), if it is one. */
function sdkStructureOf(declaration: ts.Declaration): string | undefined {
  if (!declaresCognitoShapes(declaration.getSourceFile().fileName)) return undefined;
  const parent = declaration.parent;
  return ts.isInterfaceDeclaration(parent) ? parent.name.text : undefined;
}

/**
 * `Structure.Member` for every member of a Cognito shape that the core reads: property accesses
 * and destructuring whose type is the SDK's. A name the type does not have (a typo, or a read
 * through a cast) is kept too, against the receiver's type, so that it fails below.
 */
function readsOfCognitoShapes(): Set<string> {
  const program = ts.createProgram(coreFiles(), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const reads = new Set<string>();
  const record = (nameNode: ts.Node, receiver: ts.Node) => {
    const name = nameNode.getText();
    const symbol = checker.getSymbolAtLocation(nameNode);
    const structures = (symbol?.declarations ?? []).map(sdkStructureOf).filter((s): s is string => s !== undefined);
    if (structures.length === 0 && !symbol) {
      const type = checker.getNonNullableType(checker.getTypeAtLocation(receiver));
      const parts = type.isUnionOrIntersection() ? type.types : [type];
      const declarations = parts.flatMap((part) => part.getSymbol()?.declarations ?? []);
      for (const declaration of declarations) {
        if (ts.isInterfaceDeclaration(declaration) && declaresCognitoShapes(declaration.getSourceFile().fileName)) {
          structures.push(declaration.name.text);
        }
      }
    }
    for (const structure of structures) reads.add(`${structure}.${name}`);
  };
  for (const file of program.getSourceFiles()) {
    if (file.fileName.includes('node_modules')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) record(node.name, node.expression);
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        record(node.propertyName ?? node.name, node.parent);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return reads;
}

/** The members of a structure as the SDK's runtime schema lists them. */
function schemaMembers(structure: string): string[] | undefined {
  const schema = (sdk as unknown as Record<string, unknown>)[`${structure}$`];
  return Array.isArray(schema) && schema[0] === 3 ? (schema[4] as string[]) : undefined;
}

describe("the fields authchart reads from Cognito's answers", () => {
  it('exist in the output shapes of the published model', { timeout: 120_000 }, () => {
    const reads = readsOfCognitoShapes();
    // The reads that matter most are found (so the scan cannot pass by finding nothing).
    expect([...reads]).toEqual(
      expect.arrayContaining([
        'AuthenticationResultType.IdToken',
        'AuthenticationResultType.AccessToken',
        'AuthenticationResultType.RefreshToken',
        'InitiateAuthResponse.ChallengeName',
        'InitiateAuthResponse.ChallengeParameters',
        'AssociateSoftwareTokenResponse.SecretCode',
        'SignUpResponse.UserConfirmed',
        'CodeDeliveryDetailsType.Destination',
      ]),
    );
    const unknown = [...reads].filter((read) => {
      const [structure, member] = read.split('.') as [string, string];
      return !schemaMembers(structure)?.includes(member);
    });
    expect(unknown).toEqual([]);
  });
});
