import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage, aws_lambda as lambda } from 'aws-cdk-lib';
import { buildSync } from 'esbuild';

/**
 * A Lambda's code: `entry` and what it imports (dev/ modules included) bundled into one ES
 * module, `index.mjs`, by esbuild in this process. CDK's local-bundling hook runs it while
 * staging the asset, so `cdk synth` alone produces it; the Docker image CDK asks for is never
 * pulled, because local bundling always succeeds (NodejsFunction would fall back to Docker when
 * it cannot find esbuild, and there is no Docker on CI).
 * @param entry  absolute path of the handler module
 * @returns code whose handler is `index.handler`
 */
export function bundledCode(entry: string): lambda.Code {
  return lambda.Code.fromAsset(dirname(entry), {
    // The bundle's own hash: it changes exactly when the deployed code would.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('docker-is-never-used'),
      local: {
        tryBundle(outputDir) {
          buildSync({
            entryPoints: [entry],
            outfile: join(outputDir, 'index.mjs'),
            bundle: true,
            platform: 'node',
            target: 'node22',
            format: 'esm',
            legalComments: 'none',
            logLevel: 'warning',
          });
          return true;
        },
      },
    },
  });
}
